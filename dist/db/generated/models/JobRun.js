export {};
//# sourceMappingURL=JobRun.js.map