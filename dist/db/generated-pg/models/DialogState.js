export {};
//# sourceMappingURL=DialogState.js.map