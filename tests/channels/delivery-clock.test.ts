/**
 * The outbox sender on an in-memory outbox store and a fake clock: pacing, deferral and backoff are
 * judged by the injected clock, so nothing here waits in real time.
 */
import { describe, expect, it } from 'vitest';
import {
  backoffMs,
  createOutboxSender,
  MAX_BACKOFF_MS,
  MAX_PAUSE_MS,
  PermanentError,
  RetryLaterError,
  UnreachableError,
  type ChannelSender,
  type SenderOptions,
} from '../../src/channels/delivery.ts';
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
      // A chat keeps its order: behind a row that waits or is being sent, the rest wait.
      const waits = (r: Row) =>
        rows.some((w) => w.chatId === r.chatId && w.id < r.id && ((w.state === 'PENDING' && w.nextAttemptAt > now) || w.state === 'SENDING'));
      return rows
        .filter((r) => r.state === 'PENDING' && r.nextAttemptAt <= now && (chatId === undefined || r.chatId === chatId) && !waits(r))
        .slice(0, limit)
        .map((r) => ({ ...r }));
    },
    async markPartsSent(id, count) {
      get(id).partsSent = count;
    },
    async release(ids, at) {
      for (const id of ids) if (get(id).state === 'PENDING') get(id).nextAttemptAt = at;
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
const row = (id: number, chatId: string): Row => ({
  id,
  key: `k${id}`,
  partsSent: 0,
  personId: id,
  chatId,
  reply: { lines: [msg('plain', { text: `m${id}` })] },
  locale: 'vi',
  attempts: 0,
  state: 'PENDING',
  nextAttemptAt: start,
});

/** The rows with these ids, in this order, as the handler that wrote them hands them to `deliverRows`. */
const items = (rows: Row[], ids: number[]): OutboxItem[] =>
  ids.map((id) => {
    const { state: _s, nextAttemptAt: _n, lastError: _e, ...item } = rows.find((r) => r.id === id)!;
    return { ...item, attempts: 0, partsSent: 0 };
  });

function setup(rows: Row[], send: ChannelSender, extra: Partial<SenderOptions> = {}) {
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
    ...extra,
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
    expect(sent).toEqual([
      { chat: 'a', at: 0 },
      { chat: 'b', at: 500 },
    ]);
    expect(await sender.deliverDue()).toBe(0); // a was written 500 ms ago: not yet
    advance(499);
    expect(await sender.deliverDue()).toBe(0);
    advance(1);
    expect(await sender.deliverDue()).toBe(1);
    expect(sent.at(-1)).toEqual({ chat: 'a', at: 1000 });
    expect(rows.map((r) => r.state)).toEqual(['SENT', 'SENT', 'SENT']);
  });

  it('a rate limit defers that chat only; unreachable is held; other failures back off', async () => {
    const rows = [row(1, 'a'), row(2, 'b'), row(3, 'c'), row(4, 'a'), row(5, 'd')];
    let calls = 0;
    const sent: string[] = [];
    const { sender, unreachable, advance, now } = setup(rows, async (chatId, reply) => {
      calls++;
      if (chatId === 'a' && calls === 1) throw new RetryLaterError('429', 5000);
      if (chatId === 'b') throw new UnreachableError('blocked');
      if (chatId === 'c') throw new Error('500');
      sent.push((reply.lines[0]!.args as { text: string }).text);
    });
    const at = now();
    expect(await sender.deliverDue()).toBe(1);
    // Only chat a waits (its second row behind its first); d went on in the same pass.
    expect(sender.pausedUntil()).toBeNull();
    expect(sent).toEqual(['m5']);
    expect(rows.map((r) => r.state)).toEqual(['PENDING', 'UNREACHABLE', 'PENDING', 'PENDING', 'SENT']);
    expect(rows[0]).toMatchObject({ attempts: 0, nextAttemptAt: new Date(at.getTime() + 5000) });
    expect(unreachable.get(2)!.getTime()).toBeGreaterThanOrEqual(at.getTime());
    expect(rows[2]!.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(at.getTime() + backoffMs(1));
    advance(2000);
    expect(await sender.deliverDue()).toBe(0); // a's second row keeps its place behind the first
    advance(3000);
    expect(await sender.deliverDue()).toBe(1);
    advance(1000);
    expect(await sender.deliverDue()).toBe(1);
    expect(sent).toEqual(['m5', 'm1', 'm4']);
  });

  it('bot-wide: "retry later" from 3 chats within 10 s pauses the channel, at most 60 s; each row keeps its own retry_after', async () => {
    const rows = [row(1, 'a'), row(2, 'b'), row(3, 'c'), row(4, 'd')];
    const tried: string[] = [];
    const { sender, now, advance } = setup(rows, async (chatId) => {
      tried.push(chatId);
      if (tried.length <= 3) throw new RetryLaterError('429', 18_053_000);
    });
    const at = now().getTime();
    expect(await sender.deliverDue()).toBe(0);
    expect(tried).toEqual(['a', 'b', 'c']); // the third stopped the pass: d not tried
    expect(sender.pausedUntil()!.getTime() - now().getTime()).toBe(MAX_PAUSE_MS);
    expect(rows.slice(0, 3).map((r) => r.nextAttemptAt.getTime() - at)).toEqual([18_053_000, 18_053_500, 18_054_000]);
    advance(MAX_PAUSE_MS - 1);
    expect(await sender.deliverDue()).toBe(0);
    advance(1);
    expect(await sender.deliverDue()).toBe(1);
    expect(tried).toEqual(['a', 'b', 'c', 'd']);
  });

  it('a "retry later" for the whole channel (scope channel) pauses it at once', async () => {
    const rows = [row(1, 'a'), row(2, 'b')];
    const { sender, now } = setup(rows, async () => {
      throw new RetryLaterError('quota', 20_000, 'channel');
    });
    expect(await sender.deliverDue()).toBe(0);
    expect(sender.pausedUntil()!.getTime() - now().getTime()).toBe(20_000);
    expect(rows.map((r) => r.state)).toEqual(['PENDING', 'PENDING']);
  });

  it('a request that cannot succeed (PermanentError): FAILED at once, administrators told once, never retried', async () => {
    const rows = [row(1, 'a'), row(2, 'b')];
    let calls = 0;
    const told: { key: string; error: string }[] = [];
    const { sender, advance } = setup(
      rows,
      async (chatId) => {
        calls++;
        if (chatId === 'a') throw new PermanentError('Bad Request: text must be encoded in UTF-8');
      },
      { onFailed: async (item, error) => void told.push({ key: item.key, error }) },
    );
    expect(await sender.deliverDue()).toBe(1);
    expect(rows.map((r) => r.state)).toEqual(['FAILED', 'SENT']);
    expect(told).toEqual([{ key: 'k1', error: 'Bad Request: text must be encoded in UTF-8' }]);
    advance(86_400_000);
    expect(await sender.deliverDue()).toBe(0);
    expect(calls).toBe(2);
    expect(told).toHaveLength(1);
  });

  it('a persistent transient failure stays PENDING with growing backoff, capped at 1 h, never FAILED, never left SENDING', async () => {
    const rows = [row(1, 'a')];
    const states: string[] = [];
    const { sender, advance, now } = setup(rows, async () => {
      states.push(rows[0]!.state); // SENDING while the request is out
      throw new Error('502 Bad Gateway');
    });
    const waits: number[] = [];
    for (let i = 1; i <= 10; i++) {
      expect(await sender.deliverDue()).toBe(0);
      expect(rows[0]).toMatchObject({ state: 'PENDING', attempts: i });
      const wait = rows[0]!.nextAttemptAt.getTime() - now().getTime();
      waits.push(wait);
      advance(wait - 1);
      expect(await sender.deliverDue()).toBe(0); // not before its backoff is over
      expect(states).toHaveLength(i);
      advance(1);
    }
    expect(waits).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, MAX_BACKOFF_MS, MAX_BACKOFF_MS, MAX_BACKOFF_MS]);
    expect(states.every((st) => st === 'SENDING')).toBe(true);
  });

  it('a failure before the send (the pace store down) puts the row back PENDING, not SENDING', async () => {
    const rows = [row(1, 'a')];
    const sent: string[] = [];
    const { sender } = setup(rows, async (chatId) => void sent.push(chatId), {
      pace: {
        reserve: async () => {
          throw new Error('database is locked');
        },
      },
    });
    expect(await sender.deliverDue()).toBe(0);
    expect(sent).toEqual([]);
    expect(rows[0]).toMatchObject({ state: 'PENDING', attempts: 1, lastError: 'database is locked' });
  });

  it('a reply in parts: a failed part is retried from that part on, earlier parts never twice', async () => {
    const rows = [row(1, 'a')];
    const delivered: number[] = [];
    const failAt = [2, 4]; // the first attempt fails at part 2, the second at part 4
    const { sender, advance } = setup(rows, async (_chat, _reply, _locale, progress) => {
      for (let part = 1; part <= 4; part++) {
        if (part <= (progress?.from ?? 0)) continue;
        if (part === failAt[0]) {
          failAt.shift();
          throw new Error('500');
        }
        delivered.push(part);
        await progress?.sent(part);
      }
    });
    await sender.deliverDue();
    expect(rows[0]).toMatchObject({ state: 'PENDING', partsSent: 1 });
    advance(backoffMs(1));
    await sender.deliverDue();
    expect(rows[0]).toMatchObject({ state: 'PENDING', partsSent: 3 });
    advance(backoffMs(2));
    await sender.deliverDue();
    expect(rows[0]).toMatchObject({ state: 'SENT', partsSent: 4 });
    expect(delivered).toEqual([1, 2, 3, 4]);
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

  it('deliverRows: the given rows now, in order, not paced ahead (answers are not bulk notices)', async () => {
    const rows = [row(1, 'a'), row(2, 'a'), row(3, 'a'), row(4, 'b')].map((r) => ({ ...r, nextAttemptAt: new Date(start.getTime() + 30_000) }));
    const sent: { id: string; at: number }[] = [];
    const { sender, now } = setup(
      rows,
      async (_chat, reply) => void sent.push({ id: (reply.lines[0]!.args as { text: string }).text, at: now().getTime() - start.getTime() }),
    );
    await sender.deliverRows(items(rows, [3, 1, 2]));
    // Exactly these rows in the order given, at once: no per-chat wait, no overall spacing.
    expect(sent).toEqual([
      { id: 'm3', at: 0 },
      { id: 'm1', at: 0 },
      { id: 'm2', at: 0 },
    ]);
    expect(rows.map((r) => r.state)).toEqual(['SENT', 'SENT', 'SENT', 'PENDING']);
    // Delivered rows are not delivered again (a repeated call, or the loop later).
    await sender.deliverRows(items(rows, [1, 2, 3]));
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
    await sender.deliverRows(items(rows, [1, 2, 3]));
    expect(sent).toEqual(['m1']);
    expect(rows.map((r) => [r.state, r.attempts])).toEqual([
      ['SENT', 1],
      ['PENDING', 0],
      ['PENDING', 0],
    ]);
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
