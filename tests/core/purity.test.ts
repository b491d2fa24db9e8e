import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const CORE = join(ROOT, 'src/core');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/**
 * Dependencies point inward (docs/architecture): core imports no transport, database client or
 * scheduler, so it can be tested without a network or a database and reused by every channel.
 */
const FORBIDDEN = [
  /from ['"]grammy/,
  /from ['"]@grammyjs\//,
  /from ['"]@prisma\//,
  /from ['"].*\/db\//,
  /from ['"].*\/channels\//,
  /from ['"].*\/jobs\//,
  /from ['"]node-cron['"]/,
  /from ['"]cron-parser['"]/,
  /from ['"]node:(http|https|net)['"]/,
  /\bfetch\(/,
];

describe('core stays platform-neutral', () => {
  it('no file under src/core imports a channel, the database, a scheduler or the network', () => {
    const offenders: string[] = [];
    for (const file of files(CORE)) {
      const text = readFileSync(file, 'utf8');
      for (const pattern of FORBIDDEN) if (pattern.test(text)) offenders.push(`${relative(ROOT, file)}: ${pattern}`);
    }
    expect(offenders).toEqual([]);
  });
});
