import type { Competition, Stage } from '../domain/competition.ts';
import type { FieldFact } from '../domain/field.ts';
import { FIELD_NOTE, FIELD_PHOTOS, photoLinks, readAnswer } from '../domain/field-answers.ts';
import { fill, type Lang, localName } from '../domain/i18n.ts';
import type { RankedEntry } from '../domain/ranking.ts';
import { fieldFactsOf, type RecordCell, type ResultRecord, shownResult } from '../domain/record.ts';
import type { BaBlock, BaCell } from './berita-acara-blocks.ts';
import { formatNumber, scoreText } from './numbers.ts';

/** The words of a field verification (docs/field.md) on the Berita Acara, the public page and the CLI. */
const W = {
  id: {
    heading: 'Verifikasi Lapangan',
    gateRule:
      '{stage}: klaim proposal tiap inovasi diperiksa di lokasi oleh verifikator dan dijawab ya / sebagian / tidak (ya = 100, sebagian = 50, tidak = 0, dibobot per klaim). Inovasi dengan nilai di bawah {passMark} tidak lolos dan tidak masuk peringkat akhir.',
    scoreRule:
      '{stage}: klaim proposal tiap inovasi diperiksa di lokasi oleh verifikator dan dijawab ya / sebagian / tidak (ya = 100, sebagian = 50, tidak = 0, dibobot per klaim); nilainya masuk bobot peringkat akhir.',
    passed: 'lolos (nilai {score}, ambang {passMark})',
    failed: 'tidak lolos (nilai {score}, di bawah ambang {passMark})',
    scored: 'nilai {score}',
    incomplete: 'verifikasi belum lengkap',
    no: 'tidak terpenuhi: {claims}',
    partly: 'terpenuhi sebagian: {claims}',
    failedLine: ' tidak lolos verifikasi lapangan: nilai {score}, di bawah ambang {passMark}{why}.',
    claim: 'Klaim',
    innovation: 'Inovasi',
    result: 'Hasil verifikasi lapangan',
    note: 'Catatan',
    photos: 'Foto',
    yes: 'ya',
    partlyAnswer: 'sebagian',
    noAnswer: 'tidak',
  },
  en: {
    heading: 'Field verification',
    gateRule:
      "{stage}: each innovation's proposal claims were checked on site by verifiers and answered yes / partly / no (yes = 100, partly = 50, no = 0, weighted per claim). An innovation scoring below {passMark} does not pass and is not in the final ranking.",
    scoreRule:
      "{stage}: each innovation's proposal claims were checked on site by verifiers and answered yes / partly / no (yes = 100, partly = 50, no = 0, weighted per claim); the score counts in the final weights.",
    passed: 'passed (score {score}, pass mark {passMark})',
    failed: 'did not pass (score {score}, below the pass mark {passMark})',
    scored: 'score {score}',
    incomplete: 'verification not complete',
    no: 'not met: {claims}',
    partly: 'partly met: {claims}',
    failedLine: ' did not pass the field verification: score {score}, below the pass mark {passMark}{why}.',
    claim: 'Claim',
    innovation: 'Innovation',
    result: 'Field verification result',
    note: 'Note',
    photos: 'Photos',
    yes: 'yes',
    partlyAnswer: 'partly',
    noAnswer: 'no',
  },
} as const;

type FieldRecord = Pick<ResultRecord, 'rulesVersion' | 'competition' | 'result' | 'cells' | 'innovations'>;

/** The field verification section's heading. */
export function fieldHeading(lang: Lang): string {
  return W[lang].heading;
}

/** How the field stage decides, in one sentence. */
export function fieldRuleSentence(stage: Stage, lang: Lang): string {
  const w = W[lang];
  const name = localName(stage, lang);
  return stage.gate
    ? fill(w.gateRule, { stage: name, passMark: formatNumber(stage.gate.passMark, lang) })
    : fill(w.scoreRule, { stage: name });
}

/** An entry's result in words (passed or not with score and pass mark, the score, or not complete), and why. */
export function fieldResultText(
  fact: FieldFact,
  shown: Pick<RankedEntry, 'score' | 'display'>,
  competition: Pick<Competition, 'stages'>,
  lang: Lang,
): string {
  const w = W[lang];
  const score = scoreText(shown, lang);
  const passMark = formatNumber(fact.passMark ?? 0, lang);
  const result = fill(w[fact.result], { score, passMark });
  return [result, ...reasons(fact, competition, lang)].join('; ');
}

/** The claims found unmet and partly met, by name. */
function reasons(fact: FieldFact, competition: Pick<Competition, 'stages'>, lang: Lang): string[] {
  const w = W[lang];
  const stage = competition.stages.find((s) => s.id === fact.stage);
  const names = (ids: readonly string[]) =>
    ids.map((id) => {
      const c = stage?.criteria.find((x) => x.id === id);
      return c ? localName(c, lang) : id;
    });
  return [
    ...(fact.no.length > 0 ? [fill(w.no, { claims: names(fact.no).join(', ') })] : []),
    ...(fact.partly.length > 0 ? [fill(w.partly, { claims: names(fact.partly).join(', ') })] : []),
  ];
}

/** The printed score of each field stage's entries, from the record's own cells. */
function shownField(record: FieldRecord): Map<string, RankedEntry> {
  const shown = shownResult(record);
  return new Map(shown.stages.flatMap((s) => s.ranking.map((e) => [`${s.stage}|${e.id}`, e] as const)));
}

/**
 * For the public page: the field verification's rule and each entry that did not pass, with its score
 * and the claims found unmet. Empty for a record without field facts.
 */
export function fieldPublicLines(record: FieldRecord, lang: Lang): BaCell[] {
  const facts = fieldFactsOf(record) ?? [];
  if (facts.length === 0) return [];
  const w = W[lang];
  const shown = shownField(record);
  const title = (id: string) => record.innovations.find((i) => i.id === id)?.title ?? id;
  const rules = record.competition.stages
    .filter((s) => s.kind === 'field')
    .map((s) => fieldRuleSentence(s, lang));
  const failed = facts
    .filter((f) => f.result === 'failed')
    .map((f): BaCell => {
      const why = reasons(f, record.competition, lang);
      const tail = fill(w.failedLine, {
        score: scoreText(shown.get(`${f.stage}|${f.id}`) ?? { score: f.score }, lang),
        passMark: formatNumber(f.passMark ?? 0, lang),
        why: why.length > 0 ? ` (${why.join('; ')})` : '',
      });
      return { lead: `${f.id} · `, name: title(f.id), tail };
    });
  return [...rules, ...failed];
}

/**
 * The Berita Acara's field verification section: the rule, then per verified entry its result and
 * reasons, and a table of each verifier's answer per claim, note and photo links, as typed.
 */
export function fieldBlocks(record: FieldRecord, lang: Lang): BaBlock[] {
  const facts = fieldFactsOf(record) ?? [];
  if (facts.length === 0) return [];
  const w = W[lang];
  const c = record.competition;
  const shown = shownField(record);
  const blocks: BaBlock[] = [{ kind: 'heading', text: w.heading }];
  for (const stage of c.stages.filter((s) => s.kind === 'field')) {
    blocks.push({ kind: 'para', text: fieldRuleSentence(stage, lang) });
    const cells = record.cells.filter((x) => x.stage === stage.id);
    const verified = facts.filter((f) => f.stage === stage.id);
    const title = (id: string) => record.innovations.find((i) => i.id === id)?.title ?? id;
    const resultOf = (f: FieldFact) =>
      fieldResultText(f, shown.get(`${stage.id}|${f.id}`) ?? { score: f.score }, c, lang);
    blocks.push({
      kind: 'table',
      header: [w.innovation, w.result],
      rows: verified.map((f) => [{ lead: `${f.id} · `, name: title(f.id) }, resultOf(f)]),
    });
    for (const fact of verified) blocks.push(answersTable(stage, fact, cells, c, lang));
  }
  return blocks;
}

function answersTable(
  stage: Stage,
  fact: FieldFact,
  cells: readonly RecordCell[],
  c: { jurors: readonly { id: string; name: string }[] },
  lang: Lang,
): BaBlock {
  const w = W[lang];
  const typed = (juror: string, criterion: string) =>
    cells.find((x) => x.innovation === fact.id && x.juror === juror && x.criterion === criterion)?.value ??
    '';
  const answer = (text: string): string => {
    const a = readAnswer(text);
    if (a === 'yes') return w.yes;
    if (a === 'partly') return w.partlyAnswer;
    if (a === 'no') return w.noAnswer;
    return text === '' ? '–' : text;
  };
  const verifiers = fact.verifiers;
  const rows: BaCell[][] = [
    ...stage.criteria.map((k) => [localName(k, lang), ...verifiers.map((j) => answer(typed(j, k.id)))]),
    [w.note, ...verifiers.map((j) => ({ name: typed(j, FIELD_NOTE) || '–' }))],
    [w.photos, ...verifiers.map((j) => photoLinks(typed(j, FIELD_PHOTOS)).join(' ') || '–')],
  ];
  const header = [
    `${fact.id} — ${w.claim}`,
    ...verifiers.map((j) => c.jurors.find((x) => x.id === j)?.name ?? j),
  ];
  return { kind: 'table', header, rows, compact: true };
}
