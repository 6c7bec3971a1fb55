import type { Competition } from '../../shared/domain/competition.ts';
import { fairnessReport, type StageFairness } from '../../shared/domain/fairness/report.ts';
import type { Lang } from '../../shared/domain/i18n.ts';
import type { CompetitionResult } from '../../shared/domain/ranking.ts';
import {
  FAIRNESS_LABELS,
  methodName,
  methodShort,
  whatIfLines,
} from '../../shared/messages/fairness-report.ts';
import { formatScore } from '../../shared/messages/numbers.ts';
import { groupTitle, whatIfMark } from '../../shared/sheet/fairness-tabs.ts';
import { formatRows } from './text-table.ts';

/** `juri rank --what-if`: the stage's Top N under every scoring method, from the same report the dashboard shows. */
export function whatIfReport(
  competition: Competition,
  result: CompetitionResult,
  stageId: string,
): StageFairness | undefined {
  // The bootstrap is not needed for the what-if: skip its cost.
  return fairnessReport(competition, result, { resamples: 0 }).stages.find((s) => s.stage === stageId);
}

/** The documented JSON shape of `juri rank --what-if --json`. */
export function whatIfJson(stage: StageFairness) {
  return {
    stage: stage.stage,
    published: stage.method,
    entries: stage.entries,
    groups: stage.groups.map((g) => ({
      category: g.category,
      top: g.top,
      methods: g.whatIf.columns.map((c) => ({
        aggregation: c.method.aggregation,
        normalization: c.method.normalization,
        top: c.top,
        enters: c.enters,
        leaves: c.leaves,
      })),
      rows: g.whatIf.rows.map((r) => ({
        id: r.id,
        cells: r.cells.map((c) => ({ rank: c.rank, score: c.score, inTop: c.inTop, change: c.change })),
      })),
    })),
    unchanged: stage.unchanged,
  };
}

export function whatIfTable(competition: Competition, stage: StageFairness, lang: Lang): string {
  const t = FAIRNESS_LABELS[lang];
  const lines: string[] = [];
  const published = stage.method ? methodName(stage.method, lang) : t.differs;
  for (const group of stage.groups) {
    lines.push(
      `${t.whatIf.replace('{top}', String(group.top))} — ${groupTitle(competition, stage, group, lang)}`,
    );
    lines.push(`${t.method}: ${published}`, '');
    const header = [
      t.id,
      ...group.whatIf.columns.map((c) => {
        const isPublished =
          stage.method?.aggregation === c.method.aggregation &&
          stage.method.normalization === c.method.normalization;
        return `${methodShort(c.method, lang)}${isPublished ? '*' : ''}`;
      }),
      `${t.score}*`,
    ];
    const publishedAt = group.whatIf.columns.findIndex(
      (c) =>
        stage.method?.aggregation === c.method.aggregation &&
        stage.method.normalization === c.method.normalization,
    );
    const rows = group.whatIf.rows.map((r) => {
      const score = r.cells[Math.max(0, publishedAt)]?.score;
      return [
        r.id,
        ...r.cells.map((c) => String(whatIfMark(c, t))),
        score === undefined || !Number.isFinite(score) ? '–' : formatScore(score, lang, 4),
      ];
    });
    lines.push(formatRows([header, ...rows]), '');
    lines.push(`* ${t.published}`);
    for (const line of whatIfLines(group, stage.method, lang)) lines.push(line);
    lines.push('');
  }
  if (stage.entries === 0) lines.push(t.notYet);
  return `${lines.join('\n').trimEnd()}\n`;
}
