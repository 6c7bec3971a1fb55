import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { isLang, type Lang } from '../../../shared/domain/i18n.ts';
import { t } from '../../../shared/messages/catalogue/t.ts';
import { NODE_BUNDLE } from '../node-bundle.mjs';

/** Packages the Cloud Functions runtime must install; everything else is bundled or unused there. */
const RUNTIME_DEPENDENCIES = [
  '@google-cloud/firestore',
  '@google-cloud/functions-framework',
  '@googleapis/firestore',
  '@googleapis/forms',
  '@googleapis/sheets',
  '@hono/node-server',
  'hono',
  'jose',
  'p-retry',
  'zod',
];

/**
 * Builds the deployable source folder for Cloud Functions: one ESM file (our TypeScript, bundled),
 * a package.json listing the runtime packages at the versions juri is tested with, and the
 * competition config as competition.json (read through COMPETITION_FILE).
 */
export async function buildGcfSource(opts: { outDir: string; competitionFile: string }): Promise<string> {
  const root = resolve(import.meta.dirname, '../../..');
  const outDir = resolve(opts.outDir);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  await build({
    ...NODE_BUNDLE,
    entryPoints: [join(root, 'functions/gcf-main.ts')],
    outfile: join(outDir, 'index.js'),
    // Cloud Functions runs nodejs24 (deploy.sh); the CLI bundle keeps Node 20.19 working.
    target: 'node24',
  });
  const rootPackage = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  const dependencies = Object.fromEntries(
    RUNTIME_DEPENDENCIES.map((name) => [name, rootPackage.dependencies[name] ?? 'missing']),
  );
  const pkg = {
    name: 'juri-gcf',
    private: true,
    type: 'module',
    main: 'index.js',
    engines: { node: '>=24' },
    dependencies,
  };
  writeFileSync(join(outDir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  copyFileSync(resolve(opts.competitionFile), join(outDir, 'competition.json'));
  return outDir;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: 'dist/gcf' },
      competition: { type: 'string', default: 'infra/competitions/koin-yanlik-ntt-2024.json' },
    },
  });
  const out = await buildGcfSource({ outDir: values.out, competitionFile: values.competition });
  // Said to the person deploying, in the CLI's language (JURI_LANG, Indonesian unless it says en).
  const lang: Lang = isLang(process.env.JURI_LANG) ? process.env.JURI_LANG : 'id';
  console.log(t(lang, 'adapter.gcfSourceReady', { out }));
}
