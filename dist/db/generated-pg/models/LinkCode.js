export {};
//# sourceMappingURL=LinkCode.js.map