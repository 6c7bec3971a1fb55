import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { unstable_readConfig } from 'wrangler';
import { CRON_JOBS } from '../../functions/jobs.ts';

const ROOT = resolve(import.meta.dirname, '../..');
/** Our budget; the free plan allows 3 MiB gzipped. */
const BUDGET_BYTES = 1024 * 1024;

let bundle = '';

describe('Worker bundle (wrangler deploy --dry-run)', () => {
  beforeAll(async () => {
    const outdir = mkdtempSync(join(tmpdir(), 'juri-bundle-'));
    await promisify(execFile)(
      process.execPath,
      [join(ROOT, 'node_modules/wrangler/bin/wrangler.js'), 'deploy', '--dry-run', '--outdir', outdir],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          CLOUDFLARE_CF_FETCH_ENABLED: 'false',
          WRANGLER_SEND_METRICS: 'false',
          WRANGLER_LOG: 'warn',
        },
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    const main = readdirSync(outdir).find((f) => f.endsWith('.js'));
    if (!main) throw new Error(`no bundle in ${outdir}: ${readdirSync(outdir).join(', ')}`);
    bundle = readFileSync(join(outdir, main), 'utf8');
  }, 180_000);

  it('stays under 1 MiB gzipped', () => {
    const gzipped = gzipSync(bundle, { level: 9 }).byteLength;
    expect(gzipped, `${(gzipped / 1024).toFixed(0)} KiB gzipped`).toBeLessThan(BUDGET_BYTES);
  });

  it('leaves out the gRPC Firestore client and the all-APIs googleapis package', () => {
    expect(bundle).not.toContain('google-gax');
    expect(bundle).not.toMatch(/node_modules\/googleapis\//);
    expect(bundle).not.toContain('@google-cloud/firestore');
  });

  it('bundles the competition config named in wrangler.toml', () => {
    expect(bundle).toContain('koin-yanlik-ntt-2024');
  });
});

describe('wrangler.toml', () => {
  const config = unstable_readConfig({ config: join(ROOT, 'wrangler.toml') });

  it('schedules exactly the cron jobs the Worker knows', () => {
    expect([...(config.triggers.crons ?? [])].sort()).toEqual(Object.keys(CRON_JOBS).sort());
  });

  it('has staging and production environments with the same variables', () => {
    for (const env of ['staging', 'production']) {
      const c = unstable_readConfig({ config: join(ROOT, 'wrangler.toml'), env });
      expect(Object.keys(c.vars).sort(), env).toEqual(Object.keys(config.vars).sort());
      expect(c.vars.JURI_MODE).toBe('google');
      expect(c.compatibility_flags).toContain('nodejs_compat');
      expect(c.triggers.crons).toEqual(config.triggers.crons);
    }
  });

  it('keeps secrets out of [vars] and documents each `wrangler secret put`', () => {
    const text = readFileSync(join(ROOT, 'wrangler.toml'), 'utf8');
    for (const secret of ['GOOGLE_SERVICE_ACCOUNT_JSON', 'INTAKE_HMAC_SECRET', 'ADMIN_TOKEN']) {
      expect(Object.keys(config.vars)).not.toContain(secret);
      expect(text).toContain(`wrangler secret put ${secret}`);
    }
  });
});
