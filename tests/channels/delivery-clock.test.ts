/**
 * The outbox sender on an in-memory outbox store and a fake clock: pacing, deferral and backoff are
 * judged by the injected clock, so nothing here waits in real time.
 */
import { describe, expect, it } from 'vitest';
import { backoffMs, createOutboxSender, RetryLaterError, UnreachableError, type ChannelSender } from '../../src/channels/delivery.ts';
import { msg } from '../../src/core/channel.ts';
import type { OutboxItem, OutboxStore } from '../../src/core/outbox.ts';
import { createLogger } from '../../src/logger.ts';

interface Row extends OutboxItem {
  state: string;
  nextAttemptAt: Date;
  lastError?: string;
}

/** An in-memory {@link OutboxStore} with the same state machine as the database's. */
function memoryStore(rows: Row[], unreachable: Map<number, Date>): OutboxStore {
  const get = (id: number) => rows.find((r) => r.id === id)!;
  return {
    async due({ channel: _c, chatId, now, limit }) {
      return rows.filter((r) => r.state === 'PENDING' && r.nextAttemptAt <= now && (chatId === undefined || r.chatId === chatId)).slice(0, limit).map((r) => ({ ...r }));
    },
    async pending({ ids }) {
      return ids.flatMap((id) => rows.filter((r) => r.id === id && r.state === 'PENDING').map((r) => ({ ...r })));
    },
    async enqueueReplies() {
      throw new Error('not used here');
    },
    async claim(id) {
      const r = get(id);
      if (r.state !== 'PENDING') return false;
      Object.assign(r, { state: 'SENDING', attempts: r.attempts + 1 });
      return true;
    },
    async markSent(id) {
      get(id).state = 'SENT';
    },
    async defer(id, { until, error, giveBackAttempt }) {
      const r = get(id);
      Object.assign(r, { state: 'PENDING', nextAttemptAt: until, lastError: error, attempts: r.attempts - (giveBackAttempt ? 1 : 0) });
    },
    async markFailed(id, { error }) {
      Object.assign(get(id), { state: 'FAILED', lastError: error });
    },
    async markUnreachable({ id, personId }, { error, at }) {
      Object.assign(get(id), { state: 'UNREACHABLE', lastError: error });
      unreachable.set(personId, at);
    },
    async recoverInterrupted() {
      const left = rows.filter((r) => r.state === 'SENDING');
      for (const r of left) r.state = 'UNCERTAIN';
      return left.length;
    },
  };
}

const start = new Date('2026-12-01T00:00:00Z');
const row = (id: number, chatId: string): Row => ({ id, personId: id, chatId, reply: { lines: [msg('plain', { text: `m${id}` })] }, locale: 'vi', attempts: 0, state: 'PENDING', nextAttemptAt: start });

function setup(rows: Row[], send: ChannelSender) {
  let now = start.getTime();
  const unreachable = new Map<number, Date>();
  const sender = createOutboxSender({
    store: memoryStore(rows, unreachable),
    channel: 'telegram',
    send,
    logger: createLogger({ level: 'silent' }),
    perSecond: 2,
    now: () => new Date(now),
    sleep: async (ms) => void (now += ms),
  });
  return { sender, unreachable, advance: (ms: number) => void (now += ms), now: () => new Date(now) };
}

describe('outbox sender on the injected clock', () => {
  it('paces by the fake clock: one per chat per second, `perSecond` overall', async () => {
    const rows = [row(1, 'a'), row(2, 'a'), row(3, 'b')];
    const sent: { chat: string; at: number }[] = [];
    const { sender, advance, now } = setup(rows, async (chatId) => void sent.push({ chat: chatId, at: now().getTime() - start.getTime() }));
    expect(await sender.deliverDue()).toBe(2); // a, b; a's second waits for a later pass
    // 2 per second overall: the sender waited (on the fake clock) 500 ms before b.
    expect(sent).toEqual([{ chat: 'a', at: 0 }, { chat: 'b', at: 500 }]);
    expect(await sender.deliverDue()).toBe(0); // a was written 500 ms ago: not yet
    advance(499);
    expect(await sender.deliverDue()).toBe(0);
    advance(1);
    expect(await sender.deliverDue()).toBe(1);
    expect(sent.at(-1)).toEqual({ chat: 'a', at: 1000 });
    expect(rows.map((r) => r.state)).toEqual(['SENT', 'SENT', 'SENT']);
  });

  it('a rate limit defers the channel until the clock passes it; other failures back off; unreachable is held', async () => {
    const rows = [row(1, 'a'), row(2, 'b'), row(3, 'c')];
    let calls = 0;
    const { sender, unreachable, advance, now } = setup(rows, async (chatId) => {
      calls++;
      if (chatId === 'a' && calls === 1) throw new RetryLaterError('429', 5000);
      if (chatId === 'b') throw new UnreachableError('blocked');
      if (chatId === 'c') throw new Error('500');
    });
    expect(await sender.deliverDue()).toBe(0);
    expect(sender.pausedUntil()).toEqual(new Date(start.getTime() + 5000));
    expect(rows[0]).toMatchObject({ state: 'PENDING', attempts: 0 });
    advance(4999);
    expect(await sender.deliverDue()).toBe(0);
    expect(calls).toBe(1);
    advance(1);
    const at = now();
    expect(await sender.deliverDue()).toBe(1);
    expect(rows.map((r) => r.state)).toEqual(['SENT', 'UNREACHABLE', 'PENDING']);
    expect(unreachable.get(2)!.getTime()).toBeGreaterThanOrEqual(at.getTime());
    expect(rows[2]!.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(at.getTime() + backoffMs(1));
  });

  it('rows left SENDING become UNCERTAIN at start and are not sent', async () => {
    const rows = [{ ...row(1, 'a'), state: 'SENDING' }, row(2, 'b')];
    const sent: string[] = [];
    const { sender } = setup(rows, async (chatId) => void sent.push(chatId));
    expect(await sender.recoverInterrupted()).toBe(1);
    expect(await sender.deliverDue()).toBe(1);
    expect(sent).toEqual(['b']);
    expect(rows[0]!.state).toBe('UNCERTAIN');
  });

  it('deliverRows: the given rows now, in order, without the per-chat spacing but at the overall pace', async () => {
    const rows = [row(1, 'a'), row(2, 'a'), row(3, 'a'), row(4, 'b')].map((r) => ({ ...r, nextAttemptAt: new Date(start.getTime() + 30_000) }));
    const sent: { id: string; at: number }[] = [];
    const { sender, now } = setup(rows, async (_chat, reply) => void sent.push({ id: (reply.lines[0]!.args as { text: string }).text, at: now().getTime() - start.getTime() }));
    await sender.deliverRows([3, 1, 2]);
    // Exactly these rows in the order given; 2 per second overall, no 1 s per-chat wait.
    expect(sent).toEqual([{ id: 'm3', at: 0 }, { id: 'm1', at: 500 }, { id: 'm2', at: 1000 }]);
    expect(rows.map((r) => r.state)).toEqual(['SENT', 'SENT', 'SENT', 'PENDING']);
    // Delivered rows are not delivered again (a repeated call, or the loop later).
    await sender.deliverRows([1, 2, 3]);
    expect(sent).toHaveLength(3);
  });

  it('deliverRows: a 429 defers that row for the loop and holds the chat’s later rows; never an error text, never throws', async () => {
    const rows = [row(1, 'a'), row(2, 'a'), row(3, 'a')].map((r) => ({ ...r, nextAttemptAt: new Date(start.getTime() + 30_000) }));
    const sent: string[] = [];
    let calls = 0;
    const { sender, advance } = setup(rows, async (_chat, reply) => {
      calls++;
      if (calls === 2) throw new RetryLaterError('429', 3000);
      sent.push((reply.lines[0]!.args as { text: string }).text);
    });
    await sender.deliverRows([1, 2, 3]);
    expect(sent).toEqual(['m1']);
    expect(rows.map((r) => [r.state, r.attempts])).toEqual([['SENT', 1], ['PENDING', 0], ['PENDING', 0]]);
    expect(calls).toBe(2);
    // The loop delivers the rest in order once they are due.
    advance(30_000);
    for (let i = 0; i < 3; i++) {
      await sender.deliverDue();
      advance(1000);
    }
    expect(sent).toEqual(['m1', 'm2', 'm3']);
  });
});
