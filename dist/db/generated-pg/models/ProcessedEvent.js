export {};
//# sourceMappingURL=ProcessedEvent.js.map