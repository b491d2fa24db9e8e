export function createAdminAlerts(deps) {
    return {
        async alert({ key, reply, channel }) {
            const admins = await deps.roles.adminIds();
            const queued = await deps.notifier.notify(admins.map((personId) => ({ personId, key: `${key}:${personId}`, reply, ...(channel ? { channel } : {}) })));
            return { admins: admins.length, queued };
        },
    };
}
//# sourceMappingURL=alerts.js.map