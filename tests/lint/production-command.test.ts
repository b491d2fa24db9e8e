/**
 * The production command is written in three places: deploy/thidua-bot.service (ExecStart, which
 * `npm run bench` also starts the bot with), deploy/Dockerfile (CMD) and the README ("Production").
 * Their node flags (memory and start time, see README "Benchmarks") must not drift apart.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(resolve(ROOT, path), 'utf8');
const flags = (match: RegExpExecArray | null) => match?.[1]?.split(' ').filter(Boolean);

describe('the production command', () => {
  it('has the same node flags in the systemd unit, the Dockerfile and the README', () => {
    const unit = flags(/^ExecStart=\S*node((?: --\S+)*) \S*dist\/main\.js$/m.exec(read('deploy/thidua-bot.service')));
    expect(unit, 'ExecStart=/usr/bin/node [--flags] /opt/thidua-bot/dist/main.js').toBeDefined();
    const cmd = /^CMD (\[.*\])$/m.exec(read('deploy/Dockerfile'));
    expect(JSON.parse(cmd?.[1] ?? 'null')).toEqual(['node', ...unit!, 'dist/main.js']);
    expect(flags(/^node((?: --\S+)*) dist\/main\.js /m.exec(read('README.md')))).toEqual(unit);
  });
});
