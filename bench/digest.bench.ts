/**
 * Benchmarks of issue [4/5] ("Measured, not assumed"), run by `npm run bench` (bench/run.ts), not
 * part of `npm test`:
 *
 * - {@link benchDigest}: the weekly council digest over 10,000 nominations and 50,000 good deeds —
 *   the time of `weekFacts` (database) + `councilDigest` (building the reply), median of several runs.
 * - {@link benchSender}: the outbox sender, wired as the bot runs it (grammY with auto-retry,
 *   `telegramSender`, the default pace), against a fake Bot API that answers 429 like Telegram when
 *   more than 30 messages arrive within any second or 2 to one chat within a second: messages per
 *   second achieved, 429s, duplicates.
 */
import Database from 'better-sqlite3';
import { createOutboxSender, startDeliveryLoop } from '../src/channels/delivery.ts';
import { createTelegramBot, telegramSender } from '../src/channels/telegram/telegram.ts';
import { msg } from '../src/core/channel.ts';
import { councilDigest, DIGEST_LIST_LIMIT } from '../src/core/digest/digest.ts';
import { localDate } from '../src/core/plan/dates.ts';
import { renderReply } from '../src/core/render.ts';
import { createDigestRepository } from '../src/db/digest-repository.ts';
import { createLogger } from '../src/logger.ts';
import { startFakeTelegram, type FakeTelegramResponse } from '../tests/helpers/fake-telegram.ts';
import { createTestApp } from '../tests/helpers/test-app.ts';

const silent = createLogger({ level: 'silent' });
const DAY_MS = 86_400_000;

/** Prisma 7 stores DateTime on SQLite as ISO-8601 text in this exact form. */
const sqlDate = (d: Date) => d.toISOString().replace('Z', '+00:00');

/** A small deterministic pseudo-random generator (mulberry32), so every run builds the same data. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

export interface DigestBenchResult {
  nominations: number;
  deeds: number;
  runs: number;
  insertMs: number;
  weekFactsMs: number;
  councilDigestMs: number;
  totalMs: number;
  maxTotalMs: number;
  renderMs: number;
  digestChars: number;
}

/**
 * Builds the digest due Monday 30/11/2026 07:30 (Vietnam) over `nominations` nominations (created
 * from 2021 to that day, in every state) and `deeds` good deeds (over the two years before it).
 */
export async function benchDigest(opts: { nominations?: number; deeds?: number; runs?: number } = {}): Promise<DigestBenchResult> {
  const nominations = opts.nominations ?? 10_000;
  const deeds = opts.deeds ?? 50_000;
  const runs = opts.runs ?? 9;
  const to = new Date('2026-11-30T00:30:00Z');
  const from = new Date(to.getTime() - 7 * DAY_MS);
  const t = await createTestApp({ start: to });
  try {
    const rnd = random(42);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const planSlug = t.app.catalog().plan.id;
    const db = new Database(t.file);
    const started = performance.now();
    try {
      db.pragma('journal_mode = WAL');
      const planId = (db.prepare('SELECT id FROM Plan WHERE slug = ?').get(planSlug) as { id: number }).id;
      const units = db.prepare('SELECT id FROM Unit WHERE planId = ?').all(planId) as { id: number }[];
      const categories = db.prepare('SELECT id FROM Category WHERE planId = ?').all(planId) as { id: number }[];
      const movements = [...new Set(t.app.catalog().plan.quotas.map((q) => q.movement))];
      db.transaction(() => {
        const person = db.prepare('INSERT INTO Person (displayName, createdAt, updatedAt) VALUES (?, ?, ?)');
        const people: number[] = [];
        for (let i = 0; i < 200; i++) people.push(Number(person.run(`Người ${i}`, sqlDate(from), sqlDate(from)).lastInsertRowid));
        const nomination = db.prepare(
          `INSERT INTO Nomination (planId, categoryId, movementCode, unitId, proposerId, subjectType, nomineeName, nomineeKey, place, achievements, selfCheck, state, round, createdAt, updatedAt, submittedAt, decidedAt)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'Thôn 1', 'Thành tích', '[]', ?, 1, ?, ?, ?, ?)`,
        );
        const event = db.prepare(
          'INSERT INTO NominationEvent (nominationId, actorId, action, fromState, toState, round, detail, at) VALUES (?, NULL, ?, ?, ?, ?, ?, ?)',
        );
        const start = Date.parse('2021-01-01T00:00:00Z');
        const span = to.getTime() - start;
        for (let i = 0; i < nominations; i++) {
          const created = new Date(start + rnd() * span);
          const r = rnd();
          const state = r < 0.4 ? 'APPROVED' : r < 0.5 ? 'REJECTED' : r < 0.75 ? 'SUBMITTED' : r < 0.85 ? 'RETURNED' : 'DRAFT';
          const decided = state === 'APPROVED' || state === 'REJECTED' ? new Date(Math.min(to.getTime() - 1, created.getTime() + rnd() * 30 * DAY_MS)) : null;
          const name = `Điển hình ${i}`;
          const id = Number(
            nomination.run(
              planId,
              pick(categories).id,
              pick(movements),
              pick(units).id,
              pick(people),
              pick(['COLLECTIVE', 'INDIVIDUAL', 'HOUSEHOLD']),
              name,
              `dien hinh ${i}`,
              state,
              sqlDate(created),
              sqlDate(decided ?? created),
              state === 'DRAFT' ? null : sqlDate(created),
              decided ? sqlDate(decided) : null,
            ).lastInsertRowid,
          );
          // The history the digest's chain sections read: created, submitted, the Council's result and
          // the chairman's decision (an approval = the Council proposed it, then the chairman decided).
          event.run(id, 'CREATE', null, 'DRAFT', null, null, sqlDate(created));
          if (state !== 'DRAFT') event.run(id, 'SUBMIT', 'DRAFT', 'SUBMITTED', 1, null, sqlDate(created));
          if (state === 'RETURNED') event.run(id, 'RETURN', 'SUBMITTED', 'RETURNED', 1, null, sqlDate(new Date(created.getTime() + DAY_MS)));
          if (state === 'REJECTED') event.run(id, 'REJECT', 'SUBMITTED', 'REJECTED', 1, null, sqlDate(decided!));
          if (state === 'APPROVED') {
            event.run(id, 'PROPOSE', 'SUBMITTED', 'PROPOSED', 1, null, sqlDate(new Date(created.getTime() + (decided!.getTime() - created.getTime()) / 2)));
            event.run(id, 'DECIDE', 'PROPOSED', 'APPROVED', 1, `${i % 100}/QĐ-UBND`, sqlDate(decided!));
          }
        }
        const deed = db.prepare(
          `INSERT INTO GoodDeed (ref, submitterId, doerName, doerKey, description, descriptionKey, place, placeKey, whenText, creditName, state, createdAt, publishedAt)
           VALUES (?, ?, 'Bà Hoa', 'ba hoa', 'Giúp người già qua đường', 'giup nguoi gia qua duong', 'Thôn 2', 'thon 2', 'hôm qua', 1, ?, ?, ?)`,
        );
        for (let i = 0; i < deeds; i++) {
          const created = new Date(to.getTime() - rnd() * 730 * DAY_MS);
          const published = rnd() < 0.6 ? new Date(Math.min(to.getTime() - 1, created.getTime() + rnd() * 3 * DAY_MS)) : null;
          deed.run(`VT-B${i}`, pick(people), published ? 'PUBLISHED' : 'NEW', sqlDate(created), published ? sqlDate(published) : null);
        }
      })();
      db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.close();
    }
    const insertMs = performance.now() - started;

    const repo = createDigestRepository(t.prisma);
    const catalog = t.app.catalog();
    const timeZone = t.app.services.settings.timeZone;
    const today = localDate(to, timeZone);
    const samples: { facts: number; build: number; render: number; chars: number }[] = [];
    for (let i = 0; i < runs + 1; i++) {
      const t0 = performance.now();
      const facts = await repo.weekFacts({ planSlug, from, to, listLimit: DIGEST_LIST_LIMIT });
      const t1 = performance.now();
      const reply = councilDigest({ facts, catalog, locale: 'vi', from, to, today, timeZone });
      const t2 = performance.now();
      const text = renderReply(t.app.translator, 'vi', reply, 'html').text;
      const t3 = performance.now();
      if (i === 0) {
        // The first run warms up (query plans, JIT); it must have found a full week.
        if (facts.newCount === 0 || facts.deedsReceived === 0) throw new Error('benchmark data missed the digest week');
        continue;
      }
      samples.push({ facts: t1 - t0, build: t2 - t1, render: t3 - t2, chars: text.length });
    }
    return {
      nominations,
      deeds,
      runs,
      insertMs,
      weekFactsMs: median(samples.map((s) => s.facts)),
      councilDigestMs: median(samples.map((s) => s.build)),
      totalMs: median(samples.map((s) => s.facts + s.build)),
      maxTotalMs: Math.max(...samples.map((s) => s.facts + s.build)),
      renderMs: median(samples.map((s) => s.render)),
      digestChars: samples[0]!.chars,
    };
  } finally {
    await t.close();
  }
}

export interface SenderBenchResult {
  recipients: number;
  messages: number;
  seconds: number;
  perSecond: number;
  peakInAnySecond: number;
  tooMany: number;
  duplicates: number;
  minGapSameChatMs: number;
}

const TOO_MANY: FakeTelegramResponse = {
  status: 429,
  body: { ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } },
};

/**
 * Queues one message for each of `recipients` people (and a second one for `twice` of them), then
 * lets the delivery loop send them all; the fake answers 429 as Telegram would for more than 30
 * messages within any second, or 2 to one chat within a second.
 */
export async function benchSender(opts: { recipients?: number; twice?: number } = {}): Promise<SenderBenchResult> {
  const recipients = opts.recipients ?? 300;
  const twice = opts.twice ?? 30;
  const fake = await startFakeTelegram();
  // The real clock: the outbox's due times and the sender's pace both follow it.
  const t = await createTestApp({ start: new Date() });
  try {
    const accepted: { chat: string; at: number; text: string }[] = [];
    let tooMany = 0;
    let total = Infinity;
    let allAccepted!: () => void;
    const allIn = new Promise<void>((resolve) => (allAccepted = resolve));
    fake.respondWith('sendMessage', (payload, call) => {
      const chat = String(payload.chat_id);
      const inLastSecond = accepted.filter((a) => a.at > call.at - 1000);
      if (inLastSecond.length >= 30 || inLastSecond.some((a) => a.chat === chat)) {
        tooMany++;
        return TOO_MANY;
      }
      accepted.push({ chat, at: call.at, text: String(payload.text) });
      if (accepted.length >= total) allAccepted();
      return undefined;
    });
    const notices = [];
    for (let i = 0; i < recipients; i++) {
      const personId = await t.personId(String(100_000 + i));
      notices.push({ personId, key: `bench:${i}:1`, reply: { lines: [msg('reminder-review', { count: i, days: 1 })] } });
      if (i < twice) notices.push({ personId, key: `bench:${i}:2`, reply: { lines: [msg('reminder-review', { count: i, days: 2 })] } });
    }
    await t.app.services.notifier.notify(notices);
    total = notices.length;

    // As main.ts wires it: the bot's API (auto-retry), telegramSender, the default pace (30/s, 1/s per chat).
    const bot = createTelegramBot({
      core: t.app.core,
      translator: t.app.translator,
      logger: silent,
      token: fake.token,
      apiRoot: fake.apiRoot,
      botInfo: fake.botInfo,
    });
    const sender = createOutboxSender({ store: t.app.stores.outbox, channel: 'telegram', send: telegramSender(bot.api, t.app.translator), logger: silent });
    const started = Date.now();
    const loop = startDeliveryLoop(sender, { logger: silent, idleMs: 50 });
    try {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        allIn,
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`only ${accepted.length} of ${total} messages accepted after 120 s`)), 120_000))),
      ]);
      clearTimeout(timer);
    } finally {
      await loop.stop();
    }
    const seconds = (accepted.at(-1)!.at - started) / 1000;
    const keyCounts = new Map<string, number>();
    for (const a of accepted) keyCounts.set(`${a.chat}\n${a.text}`, (keyCounts.get(`${a.chat}\n${a.text}`) ?? 0) + 1);
    let peak = 0;
    for (let i = 0, j = 0; i < accepted.length; i++) {
      while (accepted[i]!.at - accepted[j]!.at >= 1000) j++;
      peak = Math.max(peak, i - j + 1);
    }
    const byChat = new Map<string, number[]>();
    for (const a of accepted) byChat.set(a.chat, [...(byChat.get(a.chat) ?? []), a.at]);
    const gaps = [...byChat.values()].filter((ts) => ts.length > 1).flatMap((ts) => ts.slice(1).map((x, k) => x - ts[k]!));
    const sent = await t.prisma.outboxMessage.count({ where: { state: 'SENT' } });
    if (sent !== total) throw new Error(`only ${sent} of ${total} outbox rows SENT`);
    return {
      recipients,
      messages: total,
      seconds,
      perSecond: total / seconds,
      peakInAnySecond: peak,
      tooMany,
      duplicates: [...keyCounts.values()].reduce((n, c) => n + (c - 1), 0),
      minGapSameChatMs: gaps.length ? Math.min(...gaps) : NaN,
    };
  } finally {
    await t.close();
    await fake.close();
  }
}
