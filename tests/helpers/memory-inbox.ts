/**
 * In-memory fakes of the exactly-once ports for channel tests that need no database: an {@link Inbox}
 * with the same state rules as `src/db/inbox-store.ts`, and a Zalo conversation over a fake core
 * whose replies carry no person (so they are sent at once, as the rate-limit note is).
 */
import { pino } from 'pino';
import { createInboundHandling } from '../../src/channels/inbound.ts';
import type { ZaloClient } from '../../src/channels/zalo/client.ts';
import type { ZaloInbound } from '../../src/channels/zalo/webhook.ts';
import { createChoiceMemory, createZaloConversation, sendZaloOutcome } from '../../src/channels/zalo/zalo.ts';
import type { BotCore } from '../../src/core/channel.ts';
import type { Translator } from '../../src/core/i18n.ts';
import type { Inbox, InboxEntry } from '../../src/core/inbox.ts';
import { noTransaction } from '../../src/core/unit-of-work.ts';

export function createMemoryInbox(): Inbox & { entries: InboxEntry[] } {
  const entries: (InboxEntry & { receivedAt: Date })[] = [];
  const byKey = (channel: string, eventKey: string) => entries.find((e) => e.channel === channel && e.eventKey === eventKey);
  const move = (id: number, to: InboxEntry['state']) => {
    const e = entries.find((x) => x.id === id);
    if (!e || e.state !== 'RECEIVED') return false;
    e.state = to;
    return true;
  };
  return {
    entries,
    async record(channel, events, at) {
      return events.map(({ eventKey, payload }) => {
        const known = byKey(channel, eventKey);
        if (known) return { ...known };
        const entry = { id: entries.length + 1, channel, eventKey, payload, state: 'RECEIVED' as const, receivedAt: at };
        entries.push(entry);
        return { ...entry };
      });
    },
    find: async (channel, eventKey) => {
      const e = byKey(channel, eventKey);
      return e ? { ...e } : null;
    },
    complete: async (id) => move(id, 'DONE'),
    fail: async (id) => move(id, 'FAILED'),
    pending: async (channel, before, limit, afterId = 0) =>
      entries.filter((e) => e.channel === channel && e.state === 'RECEIVED' && e.receivedAt < before && e.id > afterId).slice(0, limit),
    prune: async () => 0,
  };
}

/** A Zalo conversation over `core` and `client` (replies of a core without people are sent at once). */
export function testZaloConversation(opts: { core: BotCore; client: ZaloClient; translator: Translator }): (event: ZaloInbound) => Promise<void> {
  const logger = pino({ level: 'silent' });
  const inbox = createMemoryInbox();
  const handling = createInboundHandling({
    channel: 'zalo',
    core: opts.core,
    inbox,
    unitOfWork: noTransaction,
    outbox: {
      enqueueReplies: () => Promise.reject(new Error('a fake core answers without a person: nothing is queued')),
    },
    deliver: async () => undefined,
    sendNow: (userId, outcome) => sendZaloOutcome(opts.client, opts.translator, userId, outcome),
    localeOf: async () => 'vi',
    defaultLocale: 'vi',
    logger,
  });
  const talk = createZaloConversation({ handling, translator: opts.translator, logger, choices: createChoiceMemory(), onUnfollow: async () => undefined });
  let seq = 0;
  return async (event) => {
    const [entry] = await inbox.record('zalo', [{ eventKey: `test:${++seq}`, payload: JSON.stringify(event) }], new Date());
    await talk(entry!, event);
  };
}
