import { withDisplay } from '../../shared/domain/display-score.ts';
import type { Lang } from '../../shared/domain/i18n.ts';
import { resultFor, type StageResult } from '../../shared/domain/ranking.ts';
import { rankByCurrentRules } from '../../shared/domain/record.ts';
import { AppError } from '../../shared/errors.ts';
import { scoreText } from '../../shared/messages/numbers.ts';
import { problemText } from '../../shared/messages/problems.ts';
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
  const result = withDisplay(
    competition,
    rankByCurrentRules(competition, readInnovationsCsv(o.innovations), scores),
    scores,
  );
  const stage = resultFor(result, o.stage);
  if (!stage) {
    const known = [...competition.stages.map((s) => s.id), 'final'].join(', ');
    throw new AppError('not_found', {
      id: `Tahap "${o.stage}" tidak ada. Pilihan: ${known}`,
      en: `No stage "${o.stage}". Choose one of: ${known}`,
    });
  }
  if (o.whatIf) {
    const report = whatIfReport(competition, result, stage.stage);
    if (report) {
      return o.json
        ? `${JSON.stringify(whatIfJson(report), null, 2)}\n`
        : whatIfTable(competition, report, o.lang);
    }
  }
  return o.json ? `${JSON.stringify(toJson(stage, o.lang), null, 2)}\n` : toTable(stage, o.lang);
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

function toTable(stage: StageResult, lang: Lang): string {
  const h =
    lang === 'en'
      ? ['Rank', 'ID', 'Score', 'Jurors', 'Status', 'Advances']
      : ['Peringkat', 'ID', 'Nilai', 'Juri', 'Status', 'Lolos'];
  const yes = lang === 'en' ? 'yes' : 'ya';
  const rows = stage.ranking.map((e) => [
    e.rank === null ? '–' : `${e.rank}${e.tie ? '=' : ''}`,
    e.id,
    scoreText(e, lang),
    String(e.jurors),
    e.status === 'complete'
      ? lang === 'en'
        ? 'complete'
        : 'lengkap'
      : lang === 'en'
        ? 'incomplete'
        : 'belum lengkap',
    e.advances ? yes : '',
  ]);
  const lines = [formatRows([h, ...rows])];
  lines.push('', `${lang === 'en' ? 'Stage' : 'Tahap'}: ${stage.stage}`);
  if (stage.ranking.some((e) => e.tie)) {
    lines.push(
      lang === 'en' ? '= shares its rank: the panel decides.' : '= peringkat sama: dewan juri memutuskan.',
    );
  }
  if (stage.problems.length > 0) {
    lines.push(
      '',
      lang === 'en' ? `Problems (${stage.problems.length}):` : `Masalah (${stage.problems.length}):`,
    );
    for (const p of stage.problems) {
      lines.push(
        `  ${p.stage} ${p.innovation} ${p.juror} ${p.criterion} "${p.value}": ${problemText(p, lang)}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
