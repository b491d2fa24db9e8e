import { Prisma } from "./generated/client.js";
/** Creates the database-backed {@link SendPace}. */
export function createSendPace({ prisma, engine, limits }) {
    return {
        async reserve({ channel, chatId, now }) {
            const limit = limits[channel];
            if (!limit)
                return now;
            const overallKey = channel;
            const chatKey = `${channel}:${chatId}`;
            const slot = await prisma.$transaction(async (tx) => {
                await tx.$executeRaw `INSERT INTO "SendSlot" ("key", "nextAtMs") VALUES (${overallKey}, 0), (${chatKey}, 0) ON CONFLICT ("key") DO NOTHING`;
                const lock = engine === 'postgresql' ? Prisma.sql `FOR UPDATE` : Prisma.empty;
                const rows = await tx.$queryRaw `
          SELECT "key", "nextAtMs" FROM "SendSlot" WHERE "key" IN (${overallKey}, ${chatKey}) ORDER BY "key" ${lock}`;
                const next = (key) => Number(rows.find((r) => r.key === key)?.nextAtMs ?? 0);
                const at = Math.max(now.getTime(), next(overallKey), next(chatKey));
                await tx.$executeRaw `UPDATE "SendSlot" SET "nextAtMs" = ${at + limit.overallGapMs} WHERE "key" = ${overallKey}`;
                await tx.$executeRaw `UPDATE "SendSlot" SET "nextAtMs" = ${at + limit.perChatGapMs} WHERE "key" = ${chatKey}`;
                return at;
            });
            return new Date(slot);
        },
    };
}
//# sourceMappingURL=send-pace.js.map