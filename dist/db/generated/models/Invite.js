export {};
//# sourceMappingURL=Invite.js.map