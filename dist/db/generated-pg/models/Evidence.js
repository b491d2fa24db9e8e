export {};
//# sourceMappingURL=Evidence.js.map