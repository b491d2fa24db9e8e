export {};
//# sourceMappingURL=NominationNote.js.map