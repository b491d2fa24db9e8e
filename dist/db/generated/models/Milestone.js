export {};
//# sourceMappingURL=Milestone.js.map