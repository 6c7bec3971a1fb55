import type { Competition } from '../../../shared/domain/competition.ts';
import type { Lang } from '../../../shared/domain/i18n.ts';
import { STACK_CSS, stackLabels } from '../ui/stack-table.ts';
import { sayer } from '../ui/strings.ts';
import { STATUS_CSS } from './dashboard-status.tsx';
import { RANKING_CSS, rankingCss } from './ranking-section.tsx';
import { selectionCss } from './selection-section.tsx';

/** The CSS of the workflow sections and of every table that stacks on a phone, in the page's language. */
export function workflowCss(competition: Competition, lang: Lang): string {
  const t = sayer(lang);
  return [
    STATUS_CSS,
    RANKING_CSS,
    STACK_CSS,
    rankingCss(competition, lang),
    selectionCss(lang),
    stackLabels('t-prog', [t('stage'), t('juror'), t('scored'), '%', null]),
    stackLabels('t-prob', [t('cell'), t('stage'), t('juror'), t('innovation'), t('value'), t('reason')]),
  ].join('');
}
