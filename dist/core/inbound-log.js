export {};
//# sourceMappingURL=inbound-log.js.map