export {};
//# sourceMappingURL=Commendation.js.map