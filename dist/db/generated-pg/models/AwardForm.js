export {};
//# sourceMappingURL=AwardForm.js.map