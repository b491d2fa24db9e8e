export {};
//# sourceMappingURL=notify.js.map