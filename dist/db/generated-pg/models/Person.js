export {};
//# sourceMappingURL=Person.js.map