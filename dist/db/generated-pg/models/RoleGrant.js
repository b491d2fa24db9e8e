export {};
//# sourceMappingURL=RoleGrant.js.map