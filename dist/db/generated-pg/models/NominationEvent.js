export {};
//# sourceMappingURL=NominationEvent.js.map