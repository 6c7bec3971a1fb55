import { rmSync } from 'node:fs';
import { build } from 'esbuild';
import { NODE_BUNDLE } from './node-bundle.mjs';

/**
 * Bundles the CLI and the Node server into dist/juri.js plus lazily loaded chunks. `npm install` runs
 * this (the `prepare` script), so `npx juri` starts without a TypeScript loader.
 */
rmSync('dist', { recursive: true, force: true });
await build({
  ...NODE_BUNDLE,
  entryPoints: { juri: 'functions/cli-entry.ts' },
  outdir: 'dist',
  // Each command's packages load only when it runs: `juri --help` must not load googleapis.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  sourcemap: 'linked',
});
