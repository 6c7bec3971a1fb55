import type { DEMO as ID } from '../id/demo.ts';
import type { English } from '../params.ts';

/** The narrative `juri demo` (and the first `npm start`) prints while it runs the 2024 scenario, in English. */
export const DEMO = {
  'demo.intake': '• {n} innovations accepted through {url} ({range})',
  'demo.intakeRefused': 'Intake refused demo innovation {n}: {why}',
  'demo.selectionOpens': 'Registration closed; selection',
  'demo.stageOpens': 'Judging of {stage} begins',
  'demo.ownWorkbook': '• {name} types in their own workbook: {url}',
  'demo.selection':
    '• Administrative selection: {pass} passed, {fail} not passed, {check} to check ({overridden} decided by the secretariat)',
  'demo.secretariatPasses': '• {who} types "Lolos" for {ids} in the "Seleksi" tab',
  'demo.calibration':
    '• Calibration: the jurors first score the {n} sample rows on their tabs; each sees how lenient they are on a private page (links on the Keadilan page)',
  'demo.refused': '• A juror typed "delapan puluh" as a score; the sheet refused it ({message})',
  'demo.stageTyped':
    '• {stage}: jurors typed {rows} rows of scores; sync: {outcome} ({reads} read, {writes} write requests)',
  'demo.fieldTyped':
    '• {stage}: {per} verifiers visit each finalist and fill in {rows} rows (yes / partly / no per claim, a note, photo links); sync: {outcome} ({reads} read, {writes} write requests)',
  'demo.fixed': '• Result fixed: version {version}, SHA-256 {hash} (code {code})',
  'demo.fieldPassed': '• {stage}: {passed} of {checked} finalists passed (pass mark {passMark})',
  'demo.fieldFailed': '  {id} {title}: {result}; out of the final ranking',
  'demo.rules': '• {rules}',
} satisfies English<typeof ID>;
