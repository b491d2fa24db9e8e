export {};
//# sourceMappingURL=Preference.js.map