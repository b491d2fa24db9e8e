export {};
//# sourceMappingURL=Quota.js.map