export {};
//# sourceMappingURL=Unit.js.map