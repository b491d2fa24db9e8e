export {};
//# sourceMappingURL=GoodDeedAddition.js.map