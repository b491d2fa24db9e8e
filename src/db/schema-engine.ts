/**
 * Prisma's schema engine (the migration engine behind `prisma migrate`), run as WebAssembly.
 *
 * Why our own code: the Prisma CLI downloads a native `schema-engine` binary before every migrate
 * command, and this project's machines cannot reach Prisma's binary host (see
 * `shared/docs/prisma-offline.md`). The same engine ships on npm as `@prisma/schema-engine-wasm`,
 * but its package entry imports a `.wasm` file as an ES module, which Node 20 refuses; so we load
 * the glue module and compile the `.wasm` next to it by hand, once per process.
 *
 * @module
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory, type SqlDriverAdapter, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import * as glue from '@prisma/schema-engine-wasm/schema_engine_bg';
import pg from 'pg';
import { isPostgresUrl } from './engine.ts';
import type { SchemaEngine, SchemaFilter } from '@prisma/schema-engine-wasm/schema_engine_bg';

export type { DiffTarget, MigrationList, SchemaContainer, SchemaEngine } from '@prisma/schema-engine-wasm/schema_engine_bg';

/** Schema filter that includes everything (we manage no external tables or enums). */
export const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

/**
 * The bits of the WebAssembly JS API we use. Node 20 has it, but neither `lib: ES2023` nor
 * `@types/node@20` declares it.
 */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, object>) => { exports: object };
}
const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

let loading: Promise<typeof glue> | undefined;

/**
 * Loads and starts the WebAssembly schema engine; memoised, so the 5 MB module is compiled once per
 * process. Resolves to the glue module, whose `SchemaEngine` class is then usable.
 *
 * @throws Error if the `.wasm` file cannot be read or instantiated.
 */
export function loadSchemaEngineWasm(): Promise<typeof glue> {
  loading ??= (async () => {
    // Resolved with `require.resolve`, not `import.meta.resolve`: vitest's module runner (its global
    // setup builds the test template with this) has no `import.meta.resolve`.
    const gluePath = createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const wasmPath = join(dirname(gluePath), 'schema_engine_bg.wasm');
    const module = new wasmApi.Module(await readFile(wasmPath));
    const instance = new wasmApi.Instance(module, { './schema_engine_bg.js': glue });
    const exports = instance.exports as { __wbindgen_start: () => void };
    glue.__wbg_set_wasm(exports);
    exports.__wbindgen_start();
    return glue;
  })();
  loading.catch(() => {
    loading = undefined; // let a later call retry
  });
  return loading;
}

/** PostgreSQL's one-byte `"char"` type (OID 18), used by the catalog columns the engine reads. */
const PG_CHAR_OID = 18;
/** PostgreSQL's `text` type (OID 25). */
const PG_TEXT_OID = 25;

/**
 * A `pg` client that reports catalog columns of type `"char"` as `text`. The engine's schema
 * description reads such columns (`pg_class.relkind`, `pg_constraint.contype` …), and the pg driver
 * adapter refuses the type ("Column type 'char' could not be deserialized"); the values are already
 * one-character strings, so relabelling the column is all that is needed. Used for migrations only.
 */
class CatalogClient extends pg.Client {
  override query(...args: unknown[]): never {
    const relabel = <T>(value: T): T => {
      for (const field of (value as { fields?: { dataTypeID: number }[] } | undefined)?.fields ?? []) {
        if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
      }
      return value;
    };
    const last = args.at(-1);
    // pg.Pool#query calls `client.query(text, values, callback)`; a pool client's own callers use the
    // promise form.
    if (typeof last === 'function') {
      args[args.length - 1] = (error: unknown, value: unknown) => (last as (e: unknown, v: unknown) => void)(error, relabel(value));
    }
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    return (result instanceof Promise ? result.then(relabel) : result) as never;
  }
}

/** A log line the engine emitted (JSON text, as the engine writes it). */
export type SchemaEngineLog = (line: string) => void;

/** Options of {@link withSchemaEngine}. */
export interface SchemaEngineOptions {
  /** Prisma schema files the engine starts with, as `[path, content]` pairs; default none. */
  datamodels?: [string, string][];
  /** Receives the engine's log lines; default: dropped. */
  onLog?: SchemaEngineLog;
}

/**
 * The statements of a SQL script, split at the semicolons that end them: not those inside
 * '…' strings, "…" identifiers, $tag$ … $tag$ bodies or -- comments. Chunks holding only
 * whitespace and comments are left out. (PostgreSQL's syntax; our migrations need no more.)
 */
export function splitSqlScript(script: string): string[] {
  const out: string[] = [];
  let start = 0;
  let i = 0;
  const push = (end: number) => {
    const stmt = script.slice(start, end).trim();
    if (stmt.replace(/--[^\n]*/g, '').trim() !== '') out.push(stmt);
    start = end + 1;
  };
  while (i < script.length) {
    const c = script[i]!;
    if (c === '-' && script[i + 1] === '-') {
      const nl = script.indexOf('\n', i);
      i = nl === -1 ? script.length : nl + 1;
    } else if (c === "'" || c === '"') {
      const close = script.indexOf(c, i + 1);
      i = close === -1 ? script.length : close + 1;
    } else if (c === '$') {
      const tag = /^\$[A-Za-z_]*\$/.exec(script.slice(i))?.[0];
      if (tag) {
        const close = script.indexOf(tag, i + tag.length);
        i = close === -1 ? script.length : close + tag.length;
      } else i++;
    } else if (c === ';') {
      push(i);
      i++;
    } else i++;
  }
  push(script.length);
  return out;
}

/**
 * Wraps an adapter factory so that every connection it opens is remembered, to be closed later.
 * Needed because `SchemaEngine.free()` does not close the engine's connections, and the engine
 * takes `PRAGMA main.locking_mode=EXCLUSIVE` on SQLite: an unclosed connection keeps the file
 * locked ("database is locked", surfacing as an "unknown variant `SocketTimeout`" engine error).
 */
function trackConnections(base: SqlMigrationAwareDriverAdapterFactory): {
  factory: SqlMigrationAwareDriverAdapterFactory;
  closeAll: () => Promise<void>;
} {
  const opened: SqlDriverAdapter[] = [];
  const track = (adapter: SqlDriverAdapter) => {
    opened.push(adapter);
    // The pg adapter runs a migration script by splitting it at every ";", which breaks a function
    // body (`$$ … ; … $$`, the triggers of Person.cacheVersion): split it respecting quotes instead.
    if (adapter.provider === 'postgres')
      adapter.executeScript = async (script: string) => {
        for (const sql of splitSqlScript(script)) await adapter.executeRaw({ sql, args: [], argTypes: [] });
      };
    return adapter;
  };
  return {
    factory: {
      provider: base.provider,
      adapterName: base.adapterName,
      connect: async () => track(await base.connect()),
      connectToShadowDb: async () => track(await base.connectToShadowDb()),
    },
    closeAll: async () => {
      await Promise.allSettled(opened.splice(0).map((adapter) => adapter.dispose()));
    },
  };
}

/**
 * Opens a schema engine connected to one database (SQLite through the better-sqlite3 driver adapter,
 * PostgreSQL through the pg adapter),
 * runs `fn` with it, then frees the engine and closes its connections (also when `fn` throws), so
 * the database is unlocked when the returned promise settles.
 *
 * @param databaseUrl `file:` URL or bare path of the SQLite database (`:memory:` works too; the
 *   adapter resolves relative paths against `process.cwd()`; the file is created if missing, but its
 *   parent directory must exist), or a `postgresql://` URL of an existing database.
 * @param fn Work to do with the engine, e.g. `engine.applyMigrations(...)` or `engine.diff(...)`.
 * @returns Whatever `fn` returns.
 * @throws Whatever the engine or `fn` throws. Engine errors are plain `Error`s whose message is the
 *   engine's user-facing error text.
 */
export async function withSchemaEngine<T>(databaseUrl: string, fn: (engine: SchemaEngine) => Promise<T>, options: SchemaEngineOptions = {}): Promise<T> {
  const { SchemaEngine } = await loadSchemaEngineWasm();
  const base = isPostgresUrl(databaseUrl)
    ? new PrismaPg(new pg.Pool({ connectionString: databaseUrl, options: '-c timezone=UTC', max: 2, Client: CatalogClient }), {
        disposeExternalPool: true,
      })
    : new PrismaBetterSqlite3({ url: databaseUrl });
  const { factory, closeAll } = trackConnections(base);
  const onLog = options.onLog ?? (() => {});
  try {
    const bound = bindMigrationAwareSqlAdapterFactory(factory);
    const engine = await SchemaEngine.new({ datamodels: options.datamodels }, onLog, bound);
    try {
      return await fn(engine);
    } finally {
      engine.free();
    }
  } finally {
    await closeAll();
  }
}
