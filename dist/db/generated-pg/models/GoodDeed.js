export {};
//# sourceMappingURL=GoodDeed.js.map