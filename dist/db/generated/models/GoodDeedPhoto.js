export {};
//# sourceMappingURL=GoodDeedPhoto.js.map