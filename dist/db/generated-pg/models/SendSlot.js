export {};
//# sourceMappingURL=SendSlot.js.map