/**
 * `npm run bench`: runs the benchmarks of bench/ and prints their figures (see README, "Benchmarks").
 * Not part of `npm test`.
 */
import { cpus, loadavg } from 'node:os';
import { benchDigest, benchSender } from './digest.bench.ts';
import { benchSplitHtml } from './html.bench.ts';
import { benchNodeFlags, benchOurs, benchReplyOnly, benchStart } from './update-path.bench.ts';
import { benchDossier } from './documents.bench.ts';

const ms = (x: number) => `${x.toFixed(1)} ms`;

/** The command the bench starts the bot with (production's, see `productionNodeFlags`). */
const command = () => ['node', ...benchNodeFlags(), 'dist/main.js'].join(' ');

function table(title: string, rows: [string, string][]): void {
  const width = Math.max(...rows.map(([k]) => k.length));
  process.stdout.write(`\n${title}\n${'-'.repeat(title.length)}\n`);
  for (const [k, v] of rows) process.stdout.write(`${k.padEnd(width)}  ${v}\n`);
}

/** The update-path table (issue 10 targets); true when every target is met. */
async function benchUpdatePath(): Promise<boolean> {
  const base = await benchReplyOnly();
  const ours = await benchOurs();
  const b = ours.burst;
  const ratio = b.perSecond / base.perSecond;
  const p99Ratio = b.p99Ms / base.p99Ms;
  const row = (x: typeof b) =>
    `${x.perSecond.toFixed(0)} updates/s, p50 ${ms(x.p50Ms)}, p99 ${ms(x.p99Ms)}, CPU ${(x.cpuMsPerUpdate ?? NaN).toFixed(2)} ms/update (${x.replies}/${x.updates} replies, ${x.seconds.toFixed(2)} s)`;
  table(`Update path: ${b.updates} text updates from ${b.updates / 10} people at once → local fake Bot API (load average ${loadavg()[0]!.toFixed(1)})`, [
    ['reply-only grammY runner bot', row(base)],
    [`thidua-bot (${command()})`, row(b)],
    ['throughput ratio', `${ratio.toFixed(2)} × (target ≥ 0.5: ${ratio >= 0.5 ? 'met' : 'NOT MET'})`],
    ['p99 latency ratio', `${p99Ratio.toFixed(2)} × (target ≤ 3: ${p99Ratio <= 3 ? 'met' : 'NOT MET'})`],
    ['CPU per update ratio', `${((b.cpuMsPerUpdate ?? NaN) / (base.cpuMsPerUpdate ?? NaN)).toFixed(2)} × (the steadier figure on a shared machine; no target)`],
    ['first reply, fresh database', `${ms(ours.start.firstReplyFreshMs)} (migrations included)`],
    ['first reply, restart', `${ms(ours.start.firstReplyRestartMs)} (target ≤ 1500 ms: ${ours.start.firstReplyRestartMs <= 1500 ? 'met' : 'NOT MET'})`],
    ['idle RSS (restart, 5 s idle)', `${ours.start.idleRssMb.toFixed(0)} MB (target < 150 MB: ${ours.start.idleRssMb < 150 ? 'met' : 'NOT MET'})`],
  ]);
  return ratio >= 0.5 && p99Ratio <= 3 && ours.start.firstReplyRestartMs <= 1500 && ours.start.idleRssMb < 150;
}

async function main(): Promise<number> {
  process.stdout.write(`thidua-bot benchmarks — Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'})\n`);

  const only = process.argv[2]; // `npm run bench -- update` runs the update path only, `-- documents` the dossier only
  if (only === 'documents') return (await dossierTable()) ? 0 : 1;
  if (only === 'start') return (await startTable(Number(process.argv[3] ?? 1))) ? 0 : 1;
  const u = await benchUpdatePath();
  if (only === 'update') return u ? 0 : 1;

  const d = await benchDigest();
  table(
    `Weekly council digest over ${d.nominations.toLocaleString('en')} nominations and ${d.deeds.toLocaleString('en')} good deeds (median of ${d.runs} runs)`,
    [
      ['data inserted in', ms(d.insertMs)],
      ['weekFacts (database)', ms(d.weekFactsMs)],
      ['councilDigest (build)', ms(d.councilDigestMs)],
      ['weekFacts + councilDigest', `${ms(d.totalMs)} (slowest run ${ms(d.maxTotalMs)}; target < 300 ms: ${d.totalMs < 300 ? 'met' : 'NOT MET'})`],
      ['render to Telegram HTML', `${ms(d.renderMs)} (${d.digestChars} characters)`],
    ],
  );

  const s = await benchSender();
  table(`Outbox sender → fake Bot API (${s.recipients} recipients, ${s.messages} messages, default pace 30/s and 1/s per chat)`, [
    ['all delivered in', `${s.seconds.toFixed(2)} s`],
    ['messages / second', s.perSecond.toFixed(1)],
    ['most in any 1 s window', String(s.peakInAnySecond)],
    ['429 answers', String(s.tooMany)],
    ['duplicates', String(s.duplicates)],
    ['closest two to one chat', `${s.minGapSameChatMs} ms`],
  ]);
  const h = benchSplitHtml();
  table(`Telegram HTML split of ${(h.chars / 1e6).toFixed(1)} million characters (median of ${h.runs} runs)`, [
    ['split into', `${h.parts} messages`],
    ['time', `${ms(h.medianMs)} (target < 2000 ms: ${h.medianMs < 2000 ? 'met' : 'NOT MET'})`],
  ]);
  const docOk = await dossierTable();
  const ok = u && d.totalMs < 300 && s.tooMany === 0 && s.duplicates === 0 && h.medianMs < 2000 && docOk;
  process.stdout.write(`\n${ok ? 'All targets met.' : 'Some targets NOT met.'}\n`);
  return ok ? 0 : 1;
}

/**
 * `npm run bench -- start [runs]`: the start figures of the update-path bench only (fresh start,
 * stop, restart, 5 s idle, RSS), `runs` times; the median of each. True when both targets are met.
 */
async function startTable(runs: number): Promise<boolean> {
  const all: Awaited<ReturnType<typeof benchStart>>[] = [];
  for (let i = 0; i < Math.max(1, runs); i++) all.push(await benchStart());
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const each = (pick: (x: (typeof all)[number]) => number, unit: string) =>
    all.length > 1 ? ` (runs: ${all.map((x) => pick(x).toFixed(0)).join(', ')} ${unit})` : '';
  const restart = median(all.map((x) => x.firstReplyRestartMs));
  const rss = median(all.map((x) => x.idleRssMb));
  table(
    `Start of ${command()} → local fake Bot API (${all.length === 1 ? 'one run' : `median of ${all.length} runs`}, load average ${loadavg()[0]!.toFixed(1)})`,
    [
      ['first reply, fresh database', `${ms(median(all.map((x) => x.firstReplyFreshMs)))} (migrations included)${each((x) => x.firstReplyFreshMs, 'ms')}`],
      ['first reply, restart', `${ms(restart)} (target ≤ 1500 ms: ${restart <= 1500 ? 'met' : 'NOT MET'})${each((x) => x.firstReplyRestartMs, 'ms')}`],
      ['idle RSS (restart, 5 s idle)', `${rss.toFixed(0)} MB (target < 150 MB: ${rss < 150 ? 'met' : 'NOT MET'})${each((x) => x.idleRssMb, 'MB')}`],
    ],
  );
  return restart <= 1500 && rss < 150;
}

/** The dossier bench and its table; true when the 2 s target is met. */
async function dossierTable(): Promise<boolean> {
  const doc = await benchDossier();
  table(
    `Dossier of a ${doc.nominations}-nomination round through /vanban: ${doc.files} files, ${(doc.bytes / 1024).toFixed(0)} KiB, ${doc.chars.toLocaleString('en')} characters (median of ${doc.runs} runs)`,
    [
      [
        'whole dossier (records + register + layout + DOCX/XLSX)',
        `${ms(doc.dossierMs)} (slowest run ${ms(doc.maxDossierMs)}; target < 2000 ms: ${doc.dossierMs < 2000 ? 'met' : 'NOT MET'})`,
      ],
      ['  CPU time of this process', ms(doc.dossierCpuMs)],
      ['baseline: one plain DOCX of the same text', `${ms(doc.baselineMs)} (CPU ${ms(doc.baselineCpuMs)})`],
      ['load average (1 min) at the end', `${doc.load.toFixed(1)} on ${cpus().length} cores`],
    ],
  );
  return doc.dossierMs < 2000;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
