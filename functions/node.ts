import { parseArgs } from 'node:util';
import { isLang, type Lang } from '../shared/domain/i18n.ts';
import { isAppError } from '../shared/errors.ts';
import { t } from '../shared/messages/catalogue/t.ts';

const OPTIONS = {
  config: { type: 'string' },
  competition: { type: 'string' },
  innovations: { type: 'string' },
  scores: { type: 'string' },
  stage: { type: 'string', default: 'final' },
  json: { type: 'boolean', default: false },
  'what-if': { type: 'boolean', default: false },
  dir: { type: 'string' },
  port: { type: 'string' },
  local: { type: 'boolean', default: false },
  'per-juror': { type: 'boolean', default: false },
  lang: { type: 'string' },
  reason: { type: 'string' },
  ties: { type: 'string' },
  confirm: { type: 'boolean', default: false },
  exclude: { type: 'string', multiple: true },
  'acknowledge-absent': { type: 'string' },
  by: { type: 'string' },
  out: { type: 'string' },
  'with-contacts': { type: 'boolean', default: false },
  expect: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

function parseCommandLine(argv: string[]) {
  return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
}

/** What a command is given: the options, the word after the command (e.g. `setup`, a file) and the language. */
interface CommandInput {
  command: string;
  sub: string | undefined;
  values: ReturnType<typeof parseCommandLine>['values'];
  lang: Lang;
}

/** Each command, loaded only when it runs; each returns the process exit code. */
const COMMANDS: Record<string, (input: CommandInput) => Promise<number>> = {
  async rank({ values, lang }) {
    const { config, innovations, scores } = values;
    if (!config || !innovations || !scores) return usage(lang, 'rank --config --innovations --scores');
    const { rankCommand } = await import('./cli/rank.ts');
    process.stdout.write(
      rankCommand({
        config,
        innovations,
        scores,
        stage: values.stage,
        json: values.json,
        whatIf: values['what-if'],
        lang,
      }),
    );
    return 0;
  },
  async demo({ values, lang }) {
    const { runDemo } = await import('./cli/demo.ts');
    await runDemo({
      dir: values.dir ?? 'juri-demo',
      lang,
      out: process.stdout,
      perJuror: values['per-juror'],
    });
    return 0;
  },
  async serve({ values, lang }) {
    const { serve } = await import('./cli/serve.ts');
    await serve({ local: values.local, dir: values.dir, port: values.port, config: values.config, lang });
    return 0;
  },
  sheet: sheetCommand,
  sync: sheetCommand,
  async finalize({ values, lang }) {
    const { finalizeCommand } = await import('./cli/record.ts');
    const { reason, ties, confirm, local, dir, config, competition, exclude, by } = values;
    const absent = values['acknowledge-absent'];
    const options = { reason, ties, confirm, local, dir, config, competition, lang, exclude, absent, by };
    process.stdout.write(`${await finalizeCommand(options)}\n`);
    return 0;
  },
  async phase({ values, sub, lang }) {
    const { phaseCommand } = await import('./cli/phase.ts');
    const { reason, local, dir, config, competition } = values;
    process.stdout.write(
      `${await phaseCommand({ to: sub, reason, local, dir, config, competition, lang })}\n`,
    );
    return 0;
  },
  async 'export-record'({ values, sub, lang }) {
    const { exportRecordCommand } = await import('./cli/record.ts');
    const { out, local, dir, config, competition } = values;
    const withContacts = values['with-contacts'];
    const options = { version: sub, out, withContacts, local, dir, config, competition, lang };
    process.stdout.write(`${await exportRecordCommand(options)}\n`);
    return 0;
  },
  async verify({ values, sub, lang }) {
    if (!sub) return usage(lang, 'verify <file>');
    const { verifyCommand } = await import('./cli/record.ts');
    const { ok, text } = await verifyCommand(sub, lang, values.expect);
    process.stdout.write(`${text}\n`);
    return ok ? 0 : 1;
  },
  async doctor({ lang }) {
    const { doctorCommand } = await import('./cli/doctor.ts');
    const { ok, text } = await doctorCommand(lang);
    process.stdout.write(`${text}\n`);
    return ok ? 0 : 1;
  },
};

/** `juri sheet setup` and `juri sync`. */
async function sheetCommand({ command, sub, values, lang }: CommandInput): Promise<number> {
  if (command === 'sheet' && sub !== 'setup') return usage(lang, `${command} setup`);
  const { runSheetCommand } = await import('./cli/sheet.ts');
  const report = await runSheetCommand(command === 'sync' ? 'sync' : 'setup', {
    local: values.local,
    dir: values.dir,
    config: values.config,
    competition: values.competition,
    lang,
  });
  process.stdout.write(`${report}\n`);
  return 0;
}

/** The `juri` command line; returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  let lang: Lang = isLang(process.env.JURI_LANG) ? process.env.JURI_LANG : 'id';
  try {
    const { values, positionals } = parseCommandLine(argv);
    if (isLang(values.lang)) lang = values.lang;
    const [command, sub] = positionals;
    if (values.help || !command || command === 'help') {
      process.stdout.write(`${t(lang, 'cli.help')}\n`);
      return command || values.help ? 0 : 2;
    }
    // Own keys only: a command typed as "constructor" must not find something on Object.prototype.
    const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    return run ? await run({ command, sub, values, lang }) : usage(lang, command);
  } catch (err) {
    if (isAppError(err)) {
      process.stderr.write(`${err.messageIn(lang)}\n`);
      return 1;
    }
    if (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${err.message}\n\n${t(lang, 'cli.help')}\n`);
      return 2;
    }
    throw err;
  }
}

function usage(lang: Lang, what: string): number {
  process.stderr.write(`${t(lang, 'cli.usage', { what })}\n\n${t(lang, 'cli.help')}\n`);
  return 2;
}
