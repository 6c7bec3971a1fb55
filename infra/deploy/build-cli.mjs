import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';
import { NODE_BUNDLE } from './node-bundle.mjs';

/**
 * Bundles the CLI and the Node server into dist/juri.js plus lazily loaded chunks. `npm install` runs
 * this (the `prepare` script), so `npx juri` starts without a TypeScript loader.
 */
const { packages: _allExternal, ...bundle } = NODE_BUNDLE;
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
// Pure-JS packages on `juri rank`'s path are bundled in: Node resolving, reading and compiling zod's
// hundred-odd module files took longer at start-up than compiling them as part of one chunk.
const INLINE = new Set(['zod', 'papaparse']);
const external = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).filter((p) => !INLINE.has(p));

rmSync('dist', { recursive: true, force: true });
await build({
  ...bundle,
  external,
  entryPoints: { juri: 'functions/cli-entry.ts' },
  outdir: 'dist',
  // Each command's packages load only when it runs: `juri --help` must not load googleapis.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  sourcemap: 'linked',
});
