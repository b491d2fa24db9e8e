import { Readable, Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { consoleFileReader, runConsole } from '../../../src/channels/console/console.ts';
import { createLogger } from '../../../src/logger.ts';
import { createTestApp, type TestApp } from '../../helpers/test-app.ts';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** Runs the console over `lines` for the console person "tester"; returns what it printed. */
async function converse(app: TestApp, lines: string[]): Promise<string> {
  let out = '';
  const sink = new Writable({
    write(chunk, _enc, done) {
      out += String(chunk);
      done();
    },
  });
  await runConsole({
    core: app.app.core,
    translator: app.app.translator,
    logger: createLogger({ level: 'silent' }),
    input: Readable.from(lines.map((l) => `${l}\n`)),
    output: sink,
    notices: new Writable({ write: (_c, _e, done) => done() }),
    user: 'tester',
    interactive: false,
    telegramHint: false,
  });
  return out;
}

describe('console chat: numbered choices', () => {
  it('a number taps the latest choices; a number beyond them is typed text', async () => {
    t = await createTestApp();
    const out = await converse(t, ['/tieuchi', '5', '/tieuchi', '99']);
    expect(out).toContain('3.1.5. Mô hình trong lĩnh vực y tế');
    // "99" is not a choice: it is a question like any other, answered honestly (no such content), not
    // refused and not taken as a tap on an item of the list above.
    const afterList = out.slice(out.lastIndexOf('Chọn bằng cách gõ số:', out.lastIndexOf('Câu hỏi này')));
    expect(out).toContain('Câu hỏi này nằm ngoài nội dung tôi nắm được');
    expect(afterList).not.toContain('3.1.5. Mô hình trong lĩnh vực y tế');
  });

  it('when a step waits for typed text (only back and cancel shown), a number is the answer, not a tap', async () => {
    t = await createTestApp();
    const person = (await t.app.services.people.ensure({ channel: 'console', externalId: 'tester', displayName: 'tester' })).id;
    await t.app.services.roles.grant({ personId: person, role: 'OFFICER', planSlug: t.app.catalog().plan.id, unitCode: 'tram-y-te' });
    // type → category → movement, then the name step shows only « Quay lại and ✖ Hủy as [1] and [2].
    const out = await converse(t, ['/dangky', '1', '5', '1', '1']);
    expect(out).toMatch(/\[1\] « Quay lại/);
    // "1" was taken as the name (refused: too short), not as "go back" to the movement step.
    expect(out).toContain('Câu trả lời ngắn quá');
    expect((await t.app.services.dialogs.current(person))?.step).toBe('name');
  });

  it('a notice printed after a reply numbers its buttons after the reply’s: “2” still taps the reply’s second choice', async () => {
    t = await createTestApp();
    const seen: (string | undefined)[] = [];
    const button = (text: string, action: string) => [{ label: { key: 'plain', args: { text } }, action }];
    let out = '';
    await runConsole({
      core: {
        handle: async (m: { action?: string; text?: string }) => {
          seen.push(m.action ?? m.text);
          return {
            locale: 'vi',
            replies: [{ lines: [{ key: 'plain', args: { text: 'Biểu quyết' } }], buttons: [button('Đồng ý', 'v:a'), button('Không đồng ý', 'v:d')] }],
          };
        },
      } as never,
      translator: t.app.translator,
      logger: createLogger({ level: 'silent' }),
      input: Readable.from(['/xet\n', '2\n', '3\n']),
      output: new Writable({ write: (c, _e, done) => ((out += String(c)), done()) }),
      notices: new Writable({ write: (_c, _e, done) => done() }),
      user: 'tester',
      interactive: false,
      telegramHint: false,
      deliverNotices: async (send) => {
        await send({ lines: [{ key: 'plain', args: { text: 'Có việc tốt chờ kiểm duyệt' } }], buttons: [button('Mở kiểm duyệt', 'kd:')] }, 'vi');
      },
    });
    expect(out).toMatch(/\[3\] Mở kiểm duyệt/); // the notice's button comes after the reply's [1] and [2]
    expect(seen).toEqual(['/xet', 'v:d', 'kd:']); // "2" tapped the reply's second choice, "3" the notice's button
  });
});

describe('console chat: sending a file', () => {
  it('a line “@path” sends that file: an administrator’s plan file is read from disk and checked', async () => {
    t = await createTestApp();
    t.app.services.files.register('console', consoleFileReader);
    const person = (await t.app.services.people.ensure({ channel: 'console', externalId: 'tester', displayName: 'tester' })).id;
    await t.app.services.roles.grant({ personId: person, role: 'ADMIN', planSlug: t.app.catalog().plan.id });
    const dir = await mkdtemp(join(tmpdir(), 'thidua-console-'));
    try {
      const file = join(dir, 'ke-hoach.yaml');
      await writeFile(file, 'id: "ke-hoach-moi"\ntitle:\n  vi: ""\n');
      const out = await converse(t, [`@${file}`]);
      expect(out).toMatch(/Tệp ke-hoach\.yaml có \d+ lỗi, chưa nạp gì/);
      expect(out).toContain('Mục title.vi:');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
