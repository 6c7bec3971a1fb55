import { rmSync } from 'node:fs';
import { build } from 'esbuild';

/**
 * Bundles the CLI and the Node server into dist/juri.js (plus lazily loaded chunks): our TypeScript as
 * ESM, packages left to node_modules. `npm install` runs this (the `prepare` script), so `npx juri` starts without a
 * TypeScript loader.
 */
rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: { juri: 'functions/cli-entry.ts' },
  outdir: 'dist',
  // Each command's packages load only when it runs: `juri --help` must not load googleapis.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  jsx: 'automatic',
  jsxImportSource: 'hono/jsx',
  sourcemap: 'linked',
  logLevel: 'warning',
});
