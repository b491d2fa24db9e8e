export const NO_ROLES = { admin: false, council: false, officerUnits: [] };
//# sourceMappingURL=roles.js.map