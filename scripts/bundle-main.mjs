// `npm run build`, after tsc: dist/main.js becomes the bot's own modules in one file (esbuild), the
// packages left as imports. Loading ~170 small ES modules one by one is a third of the bot's start;
// one file loads in a fraction of that (README, Benchmarks). What main.js loads only when used
// (documents, the Zalo and console channels, the HTTP server) stays in separate files next to it,
// in dist/ itself: `PROJECT_ROOT` (src/app.ts) is the folder above the file's own. tsc's per-module
// output stays (type-checked build, the source maps' sources).
import { build } from 'esbuild';

await build({
  entryPoints: ['src/main.ts'],
  outdir: 'dist',
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  splitting: true,
  chunkNames: 'main-[name]-[hash]',
  sourcemap: true,
  // Stack traces name the TypeScript file and line (--enable-source-maps); the sources stay in src/.
  sourcesContent: false,
  logLevel: 'warning',
});
