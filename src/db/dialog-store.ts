/**
 * Dialog states in the database (implements core's {@link DialogStore}): one open dialog per person.
 */
import type { DialogStore, StoredDialog } from '../core/dialog/engine.ts';
import type { PrismaClient } from './client.ts';

interface Row {
  personId: number;
  kind: string;
  step: string;
  data: string;
  channel: string;
  chatId: string;
  expiresAt: Date;
}

const fromRow = (r: Row): StoredDialog & { personId: number } => {
  const stored = JSON.parse(r.data) as { data: Record<string, unknown>; history: string[] };
  return {
    personId: r.personId,
    kind: r.kind,
    step: r.step,
    data: stored.data,
    history: stored.history,
    channel: r.channel,
    chatId: r.chatId,
    expiresAt: r.expiresAt,
  };
};

export function createDialogStore(prisma: PrismaClient): DialogStore {
  return {
    async get(personId) {
      // Plain SQL (the same on both engines; dates come back as `Date`): read for every update, and
      // a model query costs about three times as much in Prisma's client.
      const [row] = await prisma.$queryRaw<Row[]>`SELECT "personId", "kind", "step", "data", "channel", "chatId", "expiresAt"
        FROM "DialogState" WHERE "personId" = ${personId}`;
      if (!row) return null;
      const { personId: _, ...dialog } = fromRow(row);
      return dialog;
    },
    async save(personId, d) {
      const data = JSON.stringify({ data: d.data, history: d.history });
      const fields = { kind: d.kind, step: d.step, data, channel: d.channel, chatId: d.chatId, expiresAt: d.expiresAt };
      await prisma.dialogState.upsert({ where: { personId }, create: { personId, ...fields }, update: fields });
    },
    async clear(personId) {
      await prisma.dialogState.deleteMany({ where: { personId } });
    },
    async takeExpired(now) {
      const rows = await prisma.dialogState.findMany({ where: { expiresAt: { lte: now } } });
      const taken: (StoredDialog & { personId: number })[] = [];
      for (const row of rows) {
        // Only the process that deletes the row reports it, so a notice is never sent twice.
        const { count } = await prisma.dialogState.deleteMany({ where: { id: row.id, expiresAt: row.expiresAt } });
        if (count === 1) taken.push(fromRow(row));
      }
      return taken;
    },
  };
}
