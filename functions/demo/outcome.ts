import { finalTop } from '../../shared/domain/competition.ts';
import { type Lang, localName } from '../../shared/domain/i18n.ts';
import {
  fieldFactsOf,
  type ResultRecord,
  representationOf,
  shownResult,
} from '../../shared/domain/record.ts';
import { decidedRanking } from '../../shared/domain/ties.ts';
import { t } from '../../shared/messages/catalogue/t.ts';
import { fieldResultText } from '../../shared/messages/field.ts';
import { formatNumber } from '../../shared/messages/numbers.ts';
import { rulesSentence, withAndWithoutLines } from '../../shared/messages/representation.ts';

/**
 * What the fixed record says the field verification and the representation rules did to the result,
 * from the record's own facts (the ones the Berita Acara and the public page render): who failed the
 * field gate and why, and the Top N by rank beside the winners the rules chose.
 */
export function outcomeLines(record: ResultRecord, lang: Lang): string[] {
  return [...fieldLines(record, lang), ...rulesLines(record, lang)];
}

function fieldLines(record: ResultRecord, lang: Lang): string[] {
  const facts = fieldFactsOf(record) ?? [];
  const shown = shownResult(record);
  const title = (id: string) => record.innovations.find((i) => i.id === id)?.title ?? id;
  return record.competition.stages.flatMap((stage) => {
    const mine = facts.filter((f) => f.stage === stage.id);
    if (!stage.gate || mine.length === 0) return [];
    const failed = mine.filter((f) => f.result === 'failed');
    const ranked = shown.stages.find((s) => s.stage === stage.id)?.ranking ?? [];
    return [
      t(lang, 'demo.fieldPassed', {
        stage: localName(stage, lang),
        passed: mine.filter((f) => f.result === 'passed').length,
        checked: mine.length,
        passMark: formatNumber(stage.gate.passMark, lang),
      }),
      ...failed.map((f) => {
        const entry = ranked.find((e) => e.id === f.id) ?? { score: f.score };
        const result = fieldResultText(f, entry, record.competition, lang);
        return t(lang, 'demo.fieldFailed', { id: f.id, title: title(f.id), result });
      }),
    ];
  });
}

function rulesLines(record: ResultRecord, lang: Lang): string[] {
  const outcome = representationOf(record);
  const rules = rulesSentence(record.competition, lang);
  if (!outcome || !rules) return [];
  const top = finalTop(record.competition);
  const byRank = decidedRanking(record.result.final, top, record.tieDecisions)
    .ranking.filter((e) => e.rank !== null && e.rank <= top)
    .map((e) => e.id);
  const lines = withAndWithoutLines(outcome, byRank, top, record.competition, lang);
  return [t(lang, 'demo.rules', { rules }), ...lines.map((line) => `  ${line}`)];
}
