import { parseArgs } from 'node:util';
import { isLang, type Lang } from '../shared/domain/i18n.ts';
import { isAppError } from '../shared/errors.ts';

const HELP = {
  id: `juri — penjurian kompetisi inovasi pelayanan publik

Perintah:
  juri serve [--local] [--port 8787] [--dir .juri] [--config <json>]
                     Jalankan server (npm start = serve --local).
  juri demo [--dir <folder>] [--per-juror]
                     Jalankan skenario 2024 dari awal sampai Top 10, tulis workbook .xlsx
                     (--per-juror: satu workbook per juri, seperti sheet.mode "perJuror").
  juri rank --config <json> --innovations <csv> --scores <csv> [--stage <id>|final] [--json] [--what-if]
                     Hitung peringkat dari berkas CSV; --what-if: N besar dengan setiap cara hitung.
  juri sheet setup [--local] [--dir .juri]
                     Siapkan tab juri di Google Sheet (atau workbook lokal).
  juri sync [--local] [--dir .juri]
                     Sinkronkan nilai dan tulis tab peringkat sekarang.
  juri finalize [--local] [--dir .juri] [--reason <teks>] [--ties <json>] [--confirm]
                [--exclude <ID>=<alasan>]... [--acknowledge-absent <alasan> --by <nama>]
                     Tetapkan hasil (versi baru dari sinkronisasi terakhir); ralat wajib --reason.
                     --exclude: keluarkan inovasi yang belum dinilai dari hasil, dengan alasan;
                     --acknowledge-absent: nyatakan mengetahui juri yang tidak memberi nilai.
  juri phase [<tahap>] [--local] [--dir .juri] [--reason <teks>]
                     Tampilkan tahap kompetisi dan log-nya; dengan <tahap> (mis. judging:wawancara,
                     fixing, announced) pindahkan tahap, --reason wajib.
  juri export-record [<versi>] [--local] [--dir .juri] [--out <berkas>] [--with-contacts]
                     Tulis rekaman hasil (versi 1 sampai <versi>) ke satu berkas JSON, tanpa e-mail
                     dan telepon (--with-contacts: dengan kontak, berkas hanya terbaca pemiliknya).
  juri verify <berkas> [--expect <kode verifikasi>]
                     Periksa ulang rekaman: hash, rantai, dan peringkat dari sel yang diketik;
                     --expect: bandingkan dengan kode verifikasi yang diumumkan.
  juri doctor        Periksa kredensial, akses Sheet dan Firestore.

Kode keluar: 0 berhasil/terkonfirmasi, 1 masalah masukan atau rekaman ditolak, 2 salah pakai.
Pilihan umum: --lang id|en (bahasa pesan; bawaan id);
  --competition <id> (lomba yang dikerjakan sheet, sync, finalize, phase, export-record; bawaan:
  satu-satunya lomba, atau yang terbaru yang belum diumumkan). --config boleh berisi satu lomba,
  daftar lomba, atau folder berkas lomba.`,
  en: `juri — judging for public-service innovation competitions

Commands:
  juri serve [--local] [--port 8787] [--dir .juri] [--config <json>]
                     Run the server (npm start = serve --local).
  juri demo [--dir <folder>] [--per-juror]
                     Run the 2024 scenario end to end to the Top 10 and write an .xlsx workbook
                     (--per-juror: one workbook per juror, as sheet.mode "perJuror" does).
  juri rank --config <json> --innovations <csv> --scores <csv> [--stage <id>|final] [--json] [--what-if]
                     Rank from CSV files; --what-if: the Top N under every scoring rule.
  juri sheet setup [--local] [--dir .juri]
                     Provision the juror tabs in the Google Sheet (or the local workbook).
  juri sync [--local] [--dir .juri]
                     Sync scores and write the ranking tabs now.
  juri finalize [--local] [--dir .juri] [--reason <text>] [--ties <json>] [--confirm]
                [--exclude <ID>=<reason>]... [--acknowledge-absent <reason> --by <name>]
                     Fix the result (a new version from the last sync); a correction needs --reason.
                     --exclude: leave an unscored innovation out of the result, with a reason;
                     --acknowledge-absent: acknowledge the jurors who typed no score.
  juri phase [<phase>] [--local] [--dir .juri] [--reason <text>]
                     Print the competition's phase and its log; with <phase> (e.g. judging:interview,
                     fixing, announced) move it, --reason required.
  juri export-record [<version>] [--local] [--dir .juri] [--out <file>] [--with-contacts]
                     Write the result record (versions 1 to <version>) to one JSON file, without
                     e-mails and phones (--with-contacts: with them, in a file only its owner reads).
  juri verify <file> [--expect <verification code>]
                     Re-check a record: hashes, chain, and rankings from the typed cells;
                     --expect: compare with the published verification code.
  juri doctor        Check credentials, Sheet access and Firestore access.

Exit codes: 0 success/confirmed, 1 an input problem or a refuted record, 2 a usage error.
Common options: --lang id|en (message language; default id);
  --competition <id> (the competition sheet, sync, finalize, phase and export-record work on; default:
  the only one, or the newest not yet announced). --config may hold one competition, a list of them,
  or a folder of competition files.`,
};

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
  if (command === 'sheet' && sub !== 'setup') return usage(lang, 'sheet setup');
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
      process.stdout.write(`${HELP[lang]}\n`);
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
      process.stderr.write(`${err.message}\n\n${HELP[lang]}\n`);
      return 2;
    }
    throw err;
  }
}

function usage(lang: Lang, what: string): number {
  process.stderr.write(
    `${lang === 'en' ? 'Unknown or incomplete command' : 'Perintah tidak dikenal atau belum lengkap'}: ${what}\n\n${HELP[lang]}\n`,
  );
  return 2;
}
