export {};
//# sourceMappingURL=Vote.js.map