import { isUniqueViolation } from "./client.js";
/**
 * The channel identity a proactive message goes to: the one the person used last (of `channel`
 * only, when given); `null` when they have none.
 */
export async function recipientOf(prisma, personId, defaultLocale, channel) {
    const identity = await prisma.identity.findFirst({
        where: { personId, ...(channel ? { channel } : {}) },
        orderBy: [{ lastSeenAt: 'desc' }, { id: 'desc' }],
        include: { person: { select: { locale: true } } },
    });
    if (!identity)
        return null;
    return { channel: identity.channel, chatId: identity.externalId, locale: identity.person.locale ?? defaultLocale };
}
export function createOutbox(prisma, opts) {
    const now = opts.now ?? (() => new Date());
    return {
        async notify(notices) {
            let created = 0;
            for (const n of notices) {
                const to = await recipientOf(prisma, n.personId, opts.defaultLocale, n.channel);
                if (!to)
                    continue;
                // Someone who blocked the bot is not written to until they come back; the row is kept.
                const held = (await prisma.person.findUnique({ where: { id: n.personId }, select: { unreachableAt: true } }))?.unreachableAt;
                const exists = await prisma.outboxMessage.findUnique({ where: { key: n.key }, select: { id: true } });
                if (exists)
                    continue;
                try {
                    await prisma.outboxMessage.create({
                        data: { key: n.key, personId: n.personId, ...to, payload: JSON.stringify(n.reply), nextAttemptAt: now(), ...(held ? { state: 'UNREACHABLE', lastError: 'recipient unreachable when queued' } : {}) },
                    });
                    created++;
                }
                catch (error) {
                    // Another process queued the same key between our check and insert: already queued.
                    if (!isUniqueViolation(error))
                        throw error;
                }
            }
            return created;
        },
    };
}
/** Parses a stored payload back into a reply. */
export const payloadReply = (payload) => JSON.parse(payload);
//# sourceMappingURL=outbox.js.map