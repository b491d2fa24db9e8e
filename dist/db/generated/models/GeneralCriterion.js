export {};
//# sourceMappingURL=GeneralCriterion.js.map