import { payloadReply } from "./outbox.js";
/** Longest `lastError` kept, in characters. */
const ERROR_MAX = 500;
const clip = (error) => error.slice(0, ERROR_MAX);
export function createOutboxStore(prisma) {
    const scope = (channel, chatId) => ({ channel, ...(chatId !== undefined ? { chatId } : {}) });
    return {
        async due({ channel, chatId, now, limit }) {
            const rows = await prisma.outboxMessage.findMany({
                where: { ...scope(channel, chatId), state: 'PENDING', nextAttemptAt: { lte: now } },
                orderBy: { id: 'asc' },
                take: limit,
            });
            return rows.map((r) => ({ id: r.id, personId: r.personId, chatId: r.chatId, reply: payloadReply(r.payload), locale: r.locale === 'en' ? 'en' : 'vi', attempts: r.attempts }));
        },
        async claim(id) {
            const { count } = await prisma.outboxMessage.updateMany({ where: { id, state: 'PENDING' }, data: { state: 'SENDING', attempts: { increment: 1 } } });
            return count === 1;
        },
        async markSent(id, at) {
            await prisma.outboxMessage.update({ where: { id }, data: { state: 'SENT', sentAt: at, lastError: null } });
        },
        async defer(id, { until, error, giveBackAttempt }) {
            await prisma.outboxMessage.update({
                where: { id },
                data: { state: 'PENDING', nextAttemptAt: until, lastError: clip(error), ...(giveBackAttempt ? { attempts: { decrement: 1 } } : {}) },
            });
        },
        async markFailed(id, { error, retryAt }) {
            await prisma.outboxMessage.update({ where: { id }, data: { state: 'FAILED', lastError: clip(error), nextAttemptAt: retryAt } });
        },
        async markUnreachable({ id, personId }, { error, at }) {
            await prisma.outboxMessage.update({ where: { id }, data: { state: 'UNREACHABLE', lastError: clip(error) } });
            await prisma.person.update({ where: { id: personId }, data: { unreachableAt: at } });
        },
        async recoverInterrupted({ channel, chatId }) {
            const { count } = await prisma.outboxMessage.updateMany({
                where: { ...scope(channel, chatId), state: 'SENDING' },
                data: { state: 'UNCERTAIN', lastError: 'interrupted while sending: may have been delivered; not resent' },
            });
            return count;
        },
    };
}
//# sourceMappingURL=outbox-store.js.map