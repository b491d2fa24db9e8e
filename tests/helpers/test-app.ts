/**
 * The whole bot in-process on a throw-away database (plan and award forms imported), for tests of
 * features across core and the database. People talk on the `telegram` channel by user id.
 */
import { createHash, randomUUID } from 'node:crypto';
import { access, copyFile, mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { createApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createDatabase, type PrismaClient } from '../../src/db/client.ts';
import type { Attachment, InboundMessage, Outcome } from '../../src/core/channel.ts';
import { renderReply, type RenderedReply } from '../../src/core/render.ts';
import type { Role } from '../../src/core/roles.ts';
import { createLogger } from '../../src/logger.ts';
import { pino } from 'pino';
import { migratedPostgresTemplate, migratedTemplate } from './temp-db.ts';
import { clonePostgres, postgresTemplate, TEST_ENGINE } from './test-engine.ts';

const ROOT = resolve(import.meta.dirname, '../..');
let seeded: Promise<string> | undefined;

/**
 * A migrated database with the shipped plan and award forms imported. Like the migrated template,
 * it is shared by test processes (keyed by the content it was built from) and built atomically.
 */
function seededTemplate(): Promise<string> {
  seeded ??= (async () => {
    const migrated = await migratedTemplate();
    const hash = createHash('sha256').update(basename(migrated));
    for (const f of ['plans/ia-bang-2021-2025.yaml', 'plans/award-forms.yaml']) hash.update(await readFile(join(ROOT, f)));
    const file = join(dirname(migrated), `seed-${hash.digest('hex').slice(0, 16)}.db`);
    if (
      await access(file).then(
        () => true,
        () => false,
      )
    )
      return file;
    const partial = join(dirname(migrated), `${randomUUID()}.seed.db`);
    try {
      await copyFile(migrated, partial);
      const app = await createApp({ config: loadConfig({ DATABASE_URL: `file:${partial}` }), logger: createLogger({ level: 'silent' }) });
      await app.close();
      await rename(partial, file);
    } finally {
      await rm(partial, { force: true });
    }
    return file;
  })();
  return seeded;
}

let seededPostgres: Promise<string> | undefined;

/** {@link seededTemplate} on PostgreSQL: a template database with the plan imported. */
function seededPostgresTemplate(): Promise<string> {
  seededPostgres ??= (async () => {
    const migrated = await migratedPostgresTemplate();
    const hash = createHash('sha256').update(migrated);
    for (const f of ['plans/ia-bang-2021-2025.yaml', 'plans/award-forms.yaml']) hash.update(await readFile(join(ROOT, f)));
    const name = `thidua_seed_${hash.digest('hex').slice(0, 16)}`;
    await postgresTemplate(
      name,
      async (url) => {
        const app = await createApp({ config: loadConfig({ DATABASE_URL: url }), logger: createLogger({ level: 'silent' }) });
        await app.close();
      },
      migrated,
    );
    return name;
  })();
  seededPostgres.catch(() => {
    seededPostgres = undefined;
  });
  return seededPostgres;
}

export interface TestApp {
  app: App;
  /** The app's own database connection, for tests that look at (or prepare) rows directly. */
  prisma: PrismaClient;
  /** Sends text as `user` (a Telegram user id in a private chat); returns the rendered replies. */
  say(user: string, text: string, extra?: Partial<InboundMessage>): Promise<RenderedReply[]>;
  /** Taps a button action as `user`. */
  tap(user: string, action: string): Promise<RenderedReply[]>;
  /** Sends photos/documents as `user`. */
  send(user: string, attachments: Omit<Attachment, 'channel'>[]): Promise<RenderedReply[]>;
  /** Gives `user` a role directly (as an administrator would through an invite). */
  grant(user: string, role: Role, unitCode?: string): Promise<number>;
  /** Person id of `user` (created on first use). */
  personId(user: string): Promise<number>;
  /** Outbox rows rendered as plain text, oldest first. */
  outbox(): Promise<{ personId: number; key: string; state: string; text: string }[]>;
  /** Moves the fake clock. */
  advance(ms: number): void;
  now(): Date;
  /**
   * Texts the app's translator could not find, as `locale:key`, in the order met (what the app logs
   * as "missing text"). Empty when every rendered key exists in both locale files.
   */
  missing: string[];
  /** Path of this app's SQLite file (`''` on PostgreSQL). */
  file: string;
  /** This app's `DATABASE_URL`: pass it as `databaseUrl` to start another app on it (e.g. a restart). */
  databaseUrl: string;
  /** Closes the app; removes its database unless it was given as `databaseFile` / `databaseUrl`. */
  close(): Promise<void>;
}

/**
 * Starts the app on a copy of the seeded database; `env` adds configuration. `databaseFile` opens an
 * existing database file instead (e.g. another test app's `file`, to simulate a restart); that file
 * is left in place by `close()`.
 */
export async function createTestApp(opts: { env?: Record<string, string>; start?: Date; databaseFile?: string; databaseUrl?: string } = {}): Promise<TestApp> {
  let dir: string | undefined;
  let file = '';
  let databaseUrl: string;
  let drop: (() => Promise<void>) | undefined;
  if (opts.databaseUrl !== undefined) {
    databaseUrl = opts.databaseUrl;
    file = databaseUrl.startsWith('file:') ? databaseUrl.slice('file:'.length) : '';
  } else if (opts.databaseFile !== undefined) {
    file = opts.databaseFile;
    databaseUrl = `file:${file}`;
  } else if (TEST_ENGINE === 'postgresql') {
    const clone = await clonePostgres(await seededPostgresTemplate());
    databaseUrl = clone.url;
    drop = clone.drop;
  } else {
    const source = await seededTemplate();
    dir = await mkdtemp(join(tmpdir(), 'thidua-app-'));
    file = join(dir, 'app.db');
    await copyFile(source, file);
    databaseUrl = `file:${file}`;
  }
  let now = opts.start ?? new Date('2026-11-30T02:00:00Z');
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    PLAN_FILE: join(ROOT, 'plans/ia-bang-2021-2025.yaml'),
    AWARD_FORMS_FILE: join(ROOT, 'plans/award-forms.yaml'),
    COMMUNE_FILE: join(ROOT, 'plans/commune.yaml'),
    RATE_LIMIT_PER_MINUTE: '0',
    ...opts.env,
  });
  const database = await createDatabase({ databaseUrl: config.databaseUrl });
  const missing: string[] = [];
  const app = await createApp({ config, logger: missingTextLogger(missing), now: () => now, database });
  const render = (o: Outcome) => o.replies.map((r) => renderReply(app.translator, o.locale, r, 'plain'));
  const base = (user: string): InboundMessage => ({ channel: 'telegram', userId: user, chatId: user, chatType: 'private', displayName: `User ${user}` });
  const personId = async (user: string) => (await app.services.people.ensure({ channel: 'telegram', externalId: user, displayName: `User ${user}` })).id;
  return {
    app,
    prisma: database.prisma,
    say: async (user, text, extra = {}) => render(await app.core.handle({ ...base(user), text, ...extra })),
    tap: async (user, action) => render(await app.core.handle({ ...base(user), action })),
    send: async (user, attachments) =>
      render(await app.core.handle({ ...base(user), attachments: attachments.map((a) => ({ ...a, channel: 'telegram' as const })) })),
    async grant(user, role, unitCode) {
      const id = await personId(user);
      await app.services.roles.grant({ personId: id, role, planSlug: app.catalog().plan.id, unitCode: unitCode ?? null });
      return id;
    },
    personId,
    async outbox() {
      const rows = await database.prisma.outboxMessage.findMany({ orderBy: { id: 'asc' } });
      return rows.map((r) => ({
        personId: r.personId,
        key: r.key,
        state: r.state,
        text: renderReply(app.translator, r.locale === 'en' ? 'en' : 'vi', JSON.parse(r.payload), 'plain').text,
      }));
    },
    advance: (ms) => {
      now = new Date(now.getTime() + ms);
    },
    now: () => now,
    missing,
    file,
    databaseUrl,
    async close() {
      await app.close();
      if (dir !== undefined) await rm(dir, { recursive: true, force: true });
      await drop?.();
    },
  };
}

/**
 * A logger that drops everything but the app's "missing text" errors, which it records in `into`
 * as `locale:key` (the translator reports a missing key through the app's logger).
 */
function missingTextLogger(into: string[]): ReturnType<typeof createLogger> {
  return pino(
    { level: 'error' },
    {
      write(line: string) {
        const entry = JSON.parse(line) as { msg?: string; locale?: string; key?: string };
        if (entry.msg === 'missing text') into.push(`${entry.locale}:${entry.key}`);
      },
    },
  );
}

export { button, text } from './replies.ts';
