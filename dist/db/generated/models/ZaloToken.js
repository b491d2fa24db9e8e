export {};
//# sourceMappingURL=ZaloToken.js.map