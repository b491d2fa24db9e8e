export {};
//# sourceMappingURL=DeedBlock.js.map