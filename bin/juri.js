#!/usr/bin/env node
// Runs the built CLI (dist/juri.js), which `npm install` builds through the `prepare` script.
import { existsSync } from 'node:fs';

const built = new URL('../dist/juri.js', import.meta.url);
if (!existsSync(built)) {
  process.stderr.write(
    'juri belum dibangun: jalankan `npm install` (atau `npm run build`).\n' +
      'juri is not built yet: run `npm install` (or `npm run build`).\n',
  );
  process.exit(1);
}
await import(built.href);
