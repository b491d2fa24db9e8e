export {};
//# sourceMappingURL=Identity.js.map