export {};
//# sourceMappingURL=Nomination.js.map