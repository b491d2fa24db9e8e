export {};
//# sourceMappingURL=Criterion.js.map