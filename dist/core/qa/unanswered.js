export {};
//# sourceMappingURL=unanswered.js.map