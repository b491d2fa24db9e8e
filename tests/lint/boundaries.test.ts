/**
 * The import boundaries are ESLint rules (eslint.config.js, `npm run lint`); this test makes sure
 * they cannot silently vanish: the project's own config, run through ESLint's API on small sources
 * placed (virtually) in src/core, src/channels and src/db, must refuse what the architecture
 * forbids and let the rest through. Type information is switched off here (the files do not exist);
 * the boundary rules do not need it.
 */
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/core-fixtures.ts';

const eslint = new ESLint({ cwd: ROOT, overrideConfig: [tseslint.configs.disableTypeChecked] });

/** The rule ids that fire for `code` as if it were the file `path`. */
async function violations(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}/${path}` });
  return result!.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

describe('import boundaries (ESLint)', () => {
  it('core imports no Prisma, grammY, scheduler, HTTP library, outer layer, and calls no fetch', async () => {
    const forbidden = [
      "import { PrismaClient } from '@prisma/client';",
      "import type { PrismaClient } from '../db/client.ts';",
      "import { createOutbox } from '../db/outbox.ts';",
      "import { Bot } from 'grammy';",
      "import { run } from '@grammyjs/runner';",
      "import cron from 'node-cron';",
      "import { Hono } from 'hono';",
      "import { createServer } from 'node:http';",
      "import { startZalo } from '../channels/zalo/run.ts';",
      "import { createJobs } from '../jobs/jobs.ts';",
    ];
    for (const line of forbidden)
      expect(await violations('src/core/lint-fixture.ts', `${line}\nexport const x = 1;\n`), line).toContain('no-restricted-imports');
    expect(await violations('src/core/lint-fixture.ts', "export const get = () => fetch('https://example.vn');\n")).toContain('no-restricted-globals');
    expect(await violations('src/core/lint-fixture.ts', "import type { Reply } from './channel.ts';\nexport const r: Reply[] = [];\n")).toEqual([]);
  });

  it('outside src/db only the composition roots import Prisma', async () => {
    const prisma = "import type { PrismaClient } from '../db/client.ts';\nexport type P = PrismaClient;\n";
    expect(await violations('src/channels/lint-fixture.ts', prisma)).toContain('no-restricted-imports');
    expect(await violations('src/jobs/lint-fixture.ts', "import { Prisma } from '../db/generated/client.ts';\nexport const p = Prisma;\n")).toContain(
      'no-restricted-imports',
    );
    expect(await violations('src/db/lint-fixture.ts', "import type { PrismaClient } from './client.ts';\nexport type P = PrismaClient;\n")).toEqual([]);
    expect(await violations('src/app.ts', "import type { PrismaClient } from './db/client.ts';\nexport type P = PrismaClient;\n")).toEqual([]);
    // Channels may use the HTTP server and grammY; core ports are fine everywhere.
    expect(
      await violations(
        'src/channels/lint-fixture.ts',
        "import { Hono } from 'hono';\nimport type { OutboxStore } from '../core/outbox.ts';\nexport const h = new Hono();\nexport type O = OutboxStore;\n",
      ),
    ).toEqual([]);
  });
});
