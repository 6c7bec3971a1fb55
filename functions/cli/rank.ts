import { finalTop } from '../../shared/domain/competition.ts';
import { withDisplay } from '../../shared/domain/display-score.ts';
import type { Lang } from '../../shared/domain/i18n.ts';
import { resultFor, type StageResult } from '../../shared/domain/ranking.ts';
import { liveRepresentation, rankByCurrentRules } from '../../shared/domain/record.ts';
import type { RepresentationOutcome } from '../../shared/domain/representation.ts';
import { AppError } from '../../shared/errors.ts';
import { bilingual, t } from '../../shared/messages/catalogue/t.ts';
import { scoreText } from '../../shared/messages/numbers.ts';
import { problemText } from '../../shared/messages/problems.ts';
import { representationNotes, withAndWithoutLines } from '../../shared/messages/representation.ts';
import { readCompetition } from './io.ts';
import { readInnovationsCsv, readScoresCsv } from './rank-csv.ts';
import { formatRows } from './text-table.ts';
import { whatIfJson, whatIfReport, whatIfTable } from './what-if.ts';

export interface RankOptions {
  config: string;
  innovations: string;
  scores: string;
  stage: string;
  json: boolean;
  lang: Lang;
  /** The Top N under every aggregation × normalization instead of the ranking. */
  whatIf?: boolean;
}

/** `juri rank`: the published rules applied to CSV files, printed as a table or as JSON. */
export function rankCommand(o: RankOptions): string {
  const competition = readCompetition(o.config);
  const scores = readScoresCsv(o.scores);
  const innovations = readInnovationsCsv(o.innovations);
  const result = withDisplay(competition, rankByCurrentRules(competition, innovations, scores), scores);
  const stage = resultFor(result, o.stage);
  if (!stage) {
    const known = [...competition.stages.map((s) => s.id), 'final'].join(', ');
    throw new AppError('not_found', bilingual('cli.rank.noStage', { stage: o.stage, known }));
  }
  // The representation rules (final.rules) choose the winners of the final ranking.
  const outcome = stage.stage === 'final' ? liveRepresentation(competition, innovations, result) : undefined;
  if (o.whatIf) {
    const report = whatIfReport(competition, result, stage.stage);
    if (report) {
      const top = finalTop(competition);
      const byRank = stage.ranking.filter((e) => e.rank !== null && e.rank <= top).map((e) => e.id);
      if (o.json) {
        const json = whatIfJson(report);
        const rules = outcome && { without: byRank, with: outcome.selected.map((s) => s.id), outcome };
        return `${JSON.stringify(rules ? { ...json, representation: rules } : json, null, 2)}\n`;
      }
      const table = whatIfTable(competition, report, o.lang);
      if (!outcome) return table;
      return `${table}\n${withAndWithoutLines(outcome, byRank, top, competition, o.lang).join('\n')}\n`;
    }
  }
  const ruled = outcome ? chosenBy(stage, outcome) : stage;
  if (o.json) {
    const json = toJson(ruled, o.lang);
    return `${JSON.stringify(outcome ? { ...json, representation: outcome } : json, null, 2)}\n`;
  }
  const notes = outcome ? representationNotes(outcome, competition, o.lang) : undefined;
  return toTable(ruled, o.lang, notes);
}

/** The final ranking with `advances` marking the winners the representation rules chose. */
function chosenBy(stage: StageResult, outcome: RepresentationOutcome): StageResult {
  const chosen = new Set(outcome.selected.map((s) => s.id));
  return { ...stage, ranking: stage.ranking.map((e) => ({ ...e, advances: chosen.has(e.id) })) };
}

/** Exactly the documented shape: nothing more, nothing less. */
export function toJson(stage: StageResult, lang: Lang) {
  return {
    stage: stage.stage,
    ranking: stage.ranking.map((e) => ({
      rank: e.rank,
      id: e.id,
      score: e.score,
      display: e.display ?? null,
      status: e.status,
      jurors: e.jurors,
      tie: e.tie,
      advances: e.advances,
    })),
    problems: stage.problems.map((p) => ({
      innovation: p.innovation,
      juror: p.juror,
      criterion: p.criterion,
      value: p.value,
      reason: problemText(p, lang),
    })),
  };
}

function toTable(stage: StageResult, lang: Lang, notes?: ReadonlyMap<string, string>): string {
  const h = [
    t(lang, 'cli.rank.colRank'),
    'ID',
    t(lang, 'cli.rank.colScore'),
    t(lang, 'cli.rank.colJurors'),
    t(lang, 'cli.rank.colStatus'),
    t(lang, 'cli.rank.colAdvances'),
  ];
  if (notes) h.push(t(lang, 'cli.rank.colRepresentation'));
  const yes = t(lang, 'cli.rank.yes');
  const rows = stage.ranking.map((e) => [
    e.rank === null ? '–' : `${e.rank}${e.tie ? '=' : ''}`,
    e.id,
    scoreText(e, lang),
    String(e.jurors),
    t(lang, e.status === 'complete' ? 'cli.rank.complete' : 'cli.rank.incomplete'),
    e.advances ? yes : '',
    ...(notes ? [notes.get(e.id) ?? ''] : []),
  ]);
  const lines = [formatRows([h, ...rows])];
  lines.push('', t(lang, 'cli.rank.stage', { stage: stage.stage }));
  if (stage.ranking.some((e) => e.tie)) lines.push(t(lang, 'cli.rank.tieNote'));
  if (stage.problems.length > 0) {
    lines.push('', t(lang, 'cli.rank.problems', { n: stage.problems.length }));
    for (const p of stage.problems) {
      lines.push(
        `  ${p.stage} ${p.innovation} ${p.juror} ${p.criterion} "${p.value}": ${problemText(p, lang)}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
