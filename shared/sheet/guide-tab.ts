import type { Competition } from '../domain/competition.ts';
import { type Lang, localName } from '../domain/i18n.ts';
import { section } from '../messages/catalogue/section.ts';
import { formatNumber } from '../messages/numbers.ts';
import { criterionDescription, deadlineText } from './juror-tab.ts';

/** The same in every language, like the juror tabs' titles. */
export const GUIDE_TITLE = 'Petunjuk';

const GUIDE = { id: guideWords('id'), en: guideWords('en') };

function guideWords(lang: Lang) {
  const w = section(lang, 'sheet.guide.');
  return { ...w, steps: [w.howTo, w.step1, w.step2, w.step3, w.step4, w.step5, w.step6] };
}

/** The "Petunjuk" tab: how to score, then per stage every criterion with its weight, scale and description. */
export function guideRows(competition: Competition, lang: Lang): string[][] {
  const g = GUIDE[lang];
  const rows: string[][] = [[localName(competition, lang)], [], ...g.steps.map((s) => [s])];
  for (const stage of competition.stages) {
    rows.push([], [localName(stage, lang), `${g.deadline}: ${deadlineText(competition, stage, lang)}`]);
    rows.push([g.criterion, g.weight, g.scale, g.description]);
    for (const c of stage.criteria) {
      rows.push([
        localName(c, lang),
        formatNumber(c.weight, lang),
        `${formatNumber(c.min, lang)}–${formatNumber(c.max, lang)}`,
        criterionDescription(c, lang) ?? '',
      ]);
    }
  }
  return rows;
}
