export {};
//# sourceMappingURL=Phase.js.map