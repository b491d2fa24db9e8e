/**
 * In-memory fakes of core's ports, for tests of core behaviour that need no database (the way
 * tests/jobs/catch-up.test.ts fakes the job store). Each keeps the rules its database repository
 * keeps (uniqueness, ordering, what a missing row answers); `tests/helpers/memory-ports.test.ts`
 * runs the same checks on a fake and on its repository. Stored values are copied in and out, as a
 * database would, so a caller mutating what it passed or got back changes nothing stored.
 *
 * Ports a test does not fake are {@link notFaked}: calling one fails loudly, naming the port, so
 * a test that needs it is moved back to the database (tests/helpers/test-app.ts) rather than
 * passing on a guess.
 */
import type { DialogStore, StoredDialog } from '../../src/core/dialog/engine.ts';
import type { DraftRepository, DraftState, RegistrationDraftSummary } from '../../src/core/nominations/drafts.ts';
import type { Notice, Notifier } from '../../src/core/notify.ts';
import type { Locale, Reply } from '../../src/core/channel.ts';
import type { PeopleRepository, Person } from '../../src/core/people.ts';
import type { MilestoneDateRepository } from '../../src/core/plan/actual-dates.ts';
import type { NominationRepository } from '../../src/core/nominations/model.ts';
import { defaultEnabled, PREFERENCE_KINDS, type PreferenceKind, type PreferenceRepository } from '../../src/core/preferences.ts';
import type { UnansweredInput, UnansweredQuestionStore } from '../../src/core/qa/unanswered.ts';
import type { Grant, OpenInvite, PersonWithGrants, RedeemResult, Role, RoleRepository } from '../../src/core/roles.ts';
import { cleanName } from '../../src/core/text/name.ts';
import { formatInviteCode, generateInviteCode, normalizeInviteCode } from '../../src/db/role-repository.ts';

const copy = <T>(value: T): T => structuredClone(value);

/** A port no fake stands in for: every call throws `"<name>.<method>: not faked …"`. */
export function notFaked<T extends object>(name: string): T {
  return new Proxy({} as T, {
    get(_target, method) {
      if (method === 'then') return undefined; // not a promise
      return () => {
        throw new Error(`${name}.${String(method)}: not faked in memory; run this test on the database (createTestApp)`);
      };
    },
  });
}

/** A person as the people fake keeps it (the columns core reads). */
export interface MemoryPerson extends Person {
  unreachableAt: Date | null;
}

/** People and their channel identities ({@link PeopleRepository}), with the rows for inspection. */
export interface MemoryPeople extends PeopleRepository {
  persons: Map<number, MemoryPerson>;
  /** `channel|externalId` → the identity. */
  identities: Map<string, { personId: number; channel: string; externalId: string; lastSeenAt: Date; order: number }>;
  /** The identity a proactive message goes to: the one used last (of `channel` only, when given). */
  recipientOf(personId: number, channel?: string): { channel: string; chatId: string } | null;
}

export function memoryPeople(opts: { now: () => Date }): MemoryPeople {
  const persons = new Map<number, MemoryPerson>();
  const identities: MemoryPeople['identities'] = new Map();
  let nextId = 1;
  let order = 0;
  const out = (p: MemoryPerson): Person => ({ id: p.id, displayName: p.displayName, locale: p.locale });
  return {
    persons,
    identities,
    async ensure({ channel, externalId, displayName }) {
      const key = `${channel}|${externalId}`;
      const found = identities.get(key);
      if (found) {
        found.lastSeenAt = opts.now();
        found.order = ++order;
        const person = persons.get(found.personId)!;
        person.unreachableAt = null; // writing again makes a person reachable again
        person.displayName = cleanName(person.displayName) || externalId;
        return out(person);
      }
      const person: MemoryPerson = { id: nextId++, displayName, locale: null, unreachableAt: null };
      persons.set(person.id, person);
      identities.set(key, { personId: person.id, channel, externalId, lastSeenAt: opts.now(), order: ++order });
      return out(person);
    },
    async setLocale(personId, locale) {
      const person = persons.get(personId);
      if (!person) throw new Error(`no person ${personId}`); // Prisma's update of a missing row throws too
      person.locale = locale;
    },
    async lastSeenAt({ channel, externalId }) {
      return identities.get(`${channel}|${externalId}`)?.lastSeenAt ?? null;
    },
    async markUnreachable({ channel, externalId }, at) {
      const identity = identities.get(`${channel}|${externalId}`);
      if (identity) persons.get(identity.personId)!.unreachableAt = at;
    },
    async localeOf({ channel, externalId }) {
      const identity = identities.get(`${channel}|${externalId}`);
      return identity ? (persons.get(identity.personId)?.locale ?? null) : null;
    },
    async locales(personIds) {
      return new Map(personIds.flatMap((id) => (persons.has(id) ? [[id, persons.get(id)!.locale] as const] : [])));
    },
    recipientOf(personId, channel) {
      const mine = [...identities.values()].filter((i) => i.personId === personId && (channel === undefined || i.channel === channel));
      const last = mine.sort((a, b) => b.lastSeenAt.getTime() - a.lastSeenAt.getTime() || b.order - a.order)[0];
      return last ? { channel: last.channel, chatId: last.externalId } : null;
    },
  };
}

/** Roles and invite codes ({@link RoleRepository}) over the units of the plans given. */
export function memoryRoles(opts: { people: MemoryPeople; units: (planSlug: string) => readonly string[] }): RoleRepository & {
  grants: { id: number; personId: number; role: Role; unit: { planSlug: string; code: string } | null; byId: number | null }[];
} {
  const grants: { id: number; personId: number; role: Role; unit: { planSlug: string; code: string } | null; byId: number | null }[] = [];
  const invites: {
    id: number;
    code: string;
    role: Role;
    unit: { planSlug: string; code: string } | null;
    createdById: number | null;
    createdAt: number;
    expiresAt: Date;
    usedAt: Date | null;
    usedById: number | null;
  }[] = [];
  let nextGrant = 1;
  let nextInvite = 1;
  let created = 0;
  const unitFor = (role: Role, planSlug: string, unitCode: string | null | undefined) => {
    if (role !== 'OFFICER') {
      if (unitCode != null) throw new Error(`Role ${role} is not bound to a unit (got unit "${unitCode}")`);
      return null;
    }
    if (unitCode == null || unitCode === '') throw new Error('An OFFICER role needs a unit code');
    if (!opts.units(planSlug).includes(unitCode)) throw new Error(`Unknown unit "${unitCode}" in plan "${planSlug}"`);
    return { planSlug, code: unitCode };
  };
  const sameUnit = (a: { planSlug: string; code: string } | null, b: { planSlug: string; code: string } | null) =>
    a === null ? b === null : b !== null && a.planSlug === b.planSlug && a.code === b.code;
  const grantIn = (personId: number, role: Role, unit: { planSlug: string; code: string } | null, byId: number | null) => {
    if (!grants.some((g) => g.personId === personId && g.role === role && sameUnit(g.unit, unit))) grants.push({ id: nextGrant++, personId, role, unit, byId });
  };
  const withRole = async (role: Role) => [...new Set(grants.filter((g) => g.role === role).map((g) => g.personId))].sort((a, b) => a - b);
  return {
    grants,
    async rolesOf({ personId, planSlug }) {
      const mine = grants.filter((g) => g.personId === personId);
      const position = (code: string) => opts.units(planSlug).indexOf(code);
      const units = mine.flatMap((g) => (g.role === 'OFFICER' && g.unit?.planSlug === planSlug ? [g.unit.code] : [])).sort((a, b) => position(a) - position(b));
      return {
        admin: mine.some((g) => g.role === 'ADMIN'),
        council: mine.some((g) => g.role === 'COUNCIL'),
        chair: mine.some((g) => g.role === 'CHAIR'),
        officerUnits: [...new Set(units)],
      };
    },
    async grant({ personId, role, planSlug, unitCode, byId }) {
      grantIn(personId, role, unitFor(role, planSlug, unitCode), byId ?? null);
    },
    async revoke({ grantId }) {
      const at = grants.findIndex((g) => g.id === grantId);
      if (at < 0) return false;
      grants.splice(at, 1);
      return true;
    },
    async listPeopleWithRoles({ planSlug }) {
      const result: PersonWithGrants[] = [];
      for (const person of opts.people.persons.values()) {
        const mine: Grant[] = grants
          .filter((g) => g.personId === person.id && !(g.role === 'OFFICER' && g.unit && g.unit.planSlug !== planSlug))
          .map((g) => ({ id: g.id, role: g.role, unitCode: g.role === 'OFFICER' ? (g.unit?.code ?? null) : null }));
        if (mine.length > 0) result.push({ id: person.id, displayName: person.displayName, grants: mine });
      }
      const collator = new Intl.Collator('vi', { sensitivity: 'base' });
      return result.sort((a, b) => collator.compare(a.displayName, b.displayName) || a.id - b.id);
    },
    councilMembers: () => withRole('COUNCIL'),
    chairIds: () => withRole('CHAIR'),
    adminIds: () => withRole('ADMIN'),
    async officersOf({ planSlug, unitCode }) {
      return [...new Set(grants.filter((g) => g.role === 'OFFICER' && g.unit?.planSlug === planSlug && g.unit.code === unitCode).map((g) => g.personId))].sort(
        (a, b) => a - b,
      );
    },
    async createInvite({ role, planSlug, unitCode, byId, expiresAt }) {
      const unit = unitFor(role, planSlug, unitCode);
      let code = generateInviteCode();
      while (invites.some((i) => i.code === code)) code = generateInviteCode();
      invites.push({
        id: nextInvite++,
        code,
        role,
        unit,
        createdById: byId,
        createdAt: ++created,
        expiresAt: new Date(expiresAt),
        usedAt: null,
        usedById: null,
      });
      return formatInviteCode(code);
    },
    async redeemInvite({ code: input, personId, now }): Promise<RedeemResult> {
      const code = normalizeInviteCode(input);
      const invite = code === null ? undefined : invites.find((i) => i.code === code);
      if (!invite) return { ok: false, reason: 'unknown' };
      if (invite.usedAt) return { ok: false, reason: 'used' };
      if (invite.expiresAt <= now) return { ok: false, reason: 'expired' };
      invite.usedAt = now;
      invite.usedById = personId;
      grantIn(personId, invite.role, invite.unit, invite.createdById);
      return { ok: true, role: invite.role, unitCode: invite.unit?.code ?? null };
    },
    async openInvites({ now }) {
      return invites
        .filter((i) => i.usedAt === null && i.expiresAt > now)
        .sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime() || a.id - b.id)
        .map((i): OpenInvite => ({
          id: i.id,
          role: i.role,
          unitCode: i.unit?.code ?? null,
          codeTail: i.code.slice(-4),
          createdByName: i.createdById === null ? null : (opts.people.persons.get(i.createdById)?.displayName ?? null),
          expiresAt: i.expiresAt,
        }));
    },
    async cancelInvite({ id, now }) {
      const invite = invites.find((i) => i.id === id && i.usedAt === null && i.expiresAt > now);
      if (!invite) return false;
      invite.expiresAt = now;
      return true;
    },
    async pendingBootstrapInvite(now) {
      const open = invites
        .filter((i) => i.role === 'ADMIN' && i.createdById === null && i.usedAt === null && i.expiresAt > now)
        .sort((a, b) => b.createdAt - a.createdAt);
      return open[0] ? formatInviteCode(open[0].code) : null;
    },
  };
}

/** Dialog states ({@link DialogStore}), one per person. */
export function memoryDialogs(): DialogStore & { rows: Map<number, StoredDialog> } {
  const rows = new Map<number, StoredDialog>();
  return {
    rows,
    get: async (personId) => (rows.has(personId) ? copy(rows.get(personId)!) : null),
    save: async (personId, dialog) => void rows.set(personId, copy(dialog)),
    clear: async (personId) => void rows.delete(personId),
    async takeExpired(now) {
      const taken = [...rows].filter(([, d]) => d.expiresAt <= now).map(([personId, d]) => ({ personId, ...copy(d) }));
      for (const d of taken) rows.delete(d.personId);
      return taken;
    },
  };
}

/** One outbox row as the notifier fake writes it. */
export interface MemoryOutboxRow {
  id: number;
  key: string;
  personId: number;
  channel: string;
  chatId: string;
  locale: Locale;
  reply: Reply;
  state: 'PENDING' | 'UNREACHABLE';
}

/**
 * The outbox's writing side ({@link Notifier}): a row per new key, to the identity the person used
 * last (of the notice's channel, when given); none for a person with no identity; held as
 * `UNREACHABLE` for a person who is.
 */
export function memoryNotifier(opts: { people: MemoryPeople; defaultLocale: Locale }): Notifier & { rows: MemoryOutboxRow[] } {
  const rows: MemoryOutboxRow[] = [];
  return {
    rows,
    async notify(notices: Notice[]) {
      let created = 0;
      for (const n of notices) {
        const to = opts.people.recipientOf(n.personId, n.channel);
        if (!to || rows.some((r) => r.key === n.key)) continue;
        const person = opts.people.persons.get(n.personId);
        rows.push({
          id: rows.length + 1,
          key: n.key,
          personId: n.personId,
          ...to,
          locale: person?.locale ?? opts.defaultLocale,
          reply: copy(n.reply),
          state: person?.unreachableAt ? 'UNREACHABLE' : 'PENDING',
        });
        created++;
      }
      return created;
    },
  };
}

/** Notification preferences ({@link PreferenceRepository}). */
export function memoryPreferences(): PreferenceRepository {
  const rows = new Map<string, boolean>();
  const known = (kind: string) => (PREFERENCE_KINDS as readonly string[]).includes(kind);
  return {
    async of(personId) {
      const out: Partial<Record<PreferenceKind, boolean>> = {};
      for (const [key, enabled] of rows) {
        const [id, kind] = key.split('|') as [string, PreferenceKind];
        if (Number(id) === personId && known(kind)) out[kind] = enabled;
      }
      return out;
    },
    set: async (personId, kind, enabled) => void rows.set(`${personId}|${kind}`, enabled),
    filterEnabled: async (personIds, kind) => personIds.filter((id) => rows.get(`${id}|${kind}`) ?? defaultEnabled(kind)),
    async subscribers(kind) {
      return [...rows]
        .filter(([key, enabled]) => enabled && key.endsWith(`|${kind}`))
        .map(([key]) => Number(key.split('|')[0]))
        .sort((a, b) => a - b);
    },
  };
}

/** Registrations kept as drafts ({@link DraftRepository}). */
export function memoryDrafts(): DraftRepository {
  const rows: (RegistrationDraftSummary & { personId: number; planSlug: string; state: DraftState })[] = [];
  let nextId = 1;
  const summary = (r: (typeof rows)[number]): RegistrationDraftSummary => ({ id: r.id, nomineeName: r.nomineeName, updatedAt: r.updatedAt });
  return {
    async save({ personId, planSlug, nomineeName, state, now }) {
      const row = { id: nextId++, personId, planSlug, nomineeName, state: copy(state), updatedAt: now };
      rows.push(row);
      return row.id;
    },
    async list({ personId, planSlug }) {
      return rows
        .filter((r) => r.personId === personId && r.planSlug === planSlug)
        .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || b.id - a.id)
        .map(summary);
    },
    async get({ id, personId }) {
      const r = rows.find((x) => x.id === id && x.personId === personId);
      return r ? { ...summary(r), planSlug: r.planSlug, state: copy(r.state) } : null;
    },
    async remove({ id, personId }) {
      const at = rows.findIndex((x) => x.id === id && x.personId === personId);
      if (at < 0) return false;
      rows.splice(at, 1);
      return true;
    },
  };
}

/** Actual dates of milestones ({@link MilestoneDateRepository}). */
export function memoryMilestoneDates(): MilestoneDateRepository {
  const rows = new Map<string, Map<string, string>>();
  const of = (planSlug: string) => rows.get(planSlug) ?? rows.set(planSlug, new Map()).get(planSlug)!;
  return {
    list: async (planSlug) => new Map(of(planSlug)),
    set: async ({ planSlug, code, date }) => void of(planSlug).set(code, date),
    clear: async ({ planSlug, code }) => of(planSlug).delete(code),
  };
}

/** Questions the bot could not answer ({@link UnansweredQuestionStore}). */
export function memoryUnanswered(): UnansweredQuestionStore & { rows: UnansweredInput[] } {
  const rows: UnansweredInput[] = [];
  return {
    rows,
    record: async (q) => void rows.push(copy(q)),
    async mostFrequent({ since, limit }) {
      const groups = new Map<string, UnansweredInput[]>();
      for (const q of rows.filter((r) => r.at >= since)) groups.set(q.key, [...(groups.get(q.key) ?? []), q]);
      return [...groups]
        .map(([key, qs]) => {
          const last = qs.reduce((a, b) => (b.at >= a.at ? b : a));
          return { key, count: qs.length, lastAt: last.at, text: last.text, offered: [...last.offered] };
        })
        .sort((a, b) => b.count - a.count || b.lastAt.getTime() - a.lastAt.getTime())
        .slice(0, Math.max(0, limit));
    },
  };
}

/**
 * The nominations store of a commune where nobody has registered anything yet: every read answers
 * "none" (as the repository does on an empty database); every write is {@link notFaked}, so a test
 * that registers nominations runs on the database.
 */
export function emptyNominations(): NominationRepository {
  const writes = notFaked<NominationRepository>('nominations');
  return {
    ...pick(writes, ['submit', 'resubmit', 'castVote', 'withdraw', 'annotate']),
    get: async () => null,
    history: async () => [],
    findByNominee: async () => [],
    reviewQueue: async () => [],
    votes: async () => [],
    notes: async () => [],
    list: async () => ({ items: [], total: 0 }),
    progressRows: async () => [],
  };
}

/** The named methods of a {@link notFaked} port (a Proxy cannot be spread). */
function pick<T extends object, K extends keyof T>(port: T, keys: K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, port[k]])) as Pick<T, K>;
}
