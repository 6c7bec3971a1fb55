/**
 * Everything the benchmark uses from functions/ and infra/, in one place: when those folders move,
 * only this file changes. The rest of bench/ imports shared/, tests/ helpers and this file.
 */
import { fileURLToPath } from 'node:url';

export { parseGoogleEnv } from '../functions/compose/env.ts';
export { NO_PUSH_KEYS, type Services } from '../functions/compose/services.ts';
export { signBody } from '../functions/intake/signature.ts';
export { provisionSheet } from '../functions/scores/provision.ts';
export { parseJurorTabs, readJurorTabs, takeJurorTabs } from '../functions/scores/read-scores.ts';
export { runSync } from '../functions/scores/sync.ts';
export { packJson } from '../infra/firestore/sync-payload.ts';
export { openSqliteStore } from '../infra/local/sqlite-store.ts';
export { startLocalSheetsServer } from '../infra/local-sheets/index.ts';
export { cellTexts, createSheetsScoreSheet, sheetRead } from '../infra/sheets/sheets-adapter.ts';
export { sha256Hex } from '../shared/digest.ts';

const at = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The competition config every scale starts from (its stages, criteria and Form mapping). */
export const BASE_CONFIG_PATH = at('../infra/competitions/koin-yanlik-ntt-2024.json');
/** The Worker that measures the floors of a sync inside workerd (bench/workerd.ts). */
export const FLOOR_WORKER_PATH = at('./floor-worker.ts');
/** The Worker as `wrangler deploy` builds it. */
export const WRANGLER_TOML_PATH = at('../wrangler.toml');
/** The `juri` command (runs the esbuild bundle in dist/; `npm run build` first). */
export const CLI_PATH = at('../bin/juri.js');
