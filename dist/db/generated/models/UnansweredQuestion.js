export {};
//# sourceMappingURL=UnansweredQuestion.js.map