export {};
//# sourceMappingURL=Movement.js.map