/**
 * What the secretariat may type in the "Seleksi" tab's decision column, in either language: the words
 * juri reads back as a pass or a fail (compared after normalizeText: lower case, single spaces).
 */
export const PASS_WORDS: ReadonlySet<string> = new Set(['lolos', 'ya', 'lulus', 'pass', 'passed', 'yes']);
export const FAIL_WORDS: ReadonlySet<string> = new Set([
  'tidak lolos',
  'tidak',
  'gugur',
  'tidak lulus',
  'fail',
  'failed',
  'no',
  'not passed',
]);

/** How juri writes a decision back into the decision column: the words the tab's header asks for. */
export const TYPED_DECISION = { pass: 'Lolos', fail: 'Tidak lolos' } as const;
