import { describe, expect, it } from 'vitest';
import { zonedToInstant } from '../../shared/domain/dates.ts';
import { intakeRulesCache } from '../../shared/domain/intake-rules.ts';
import {
  type FormAnswer,
  mapAnswers,
  matchRegion,
  normalizeText,
  validateSubmission,
} from '../../shared/domain/submission.ts';
import { SUBMISSION_FIELDS } from '../../shared/domain/submission-fields.ts';
import { intakeState, intakeWindow } from '../../shared/domain/timeline.ts';
import { seededRandom } from '../../shared/seeded-random.ts';
import { loadNtt2024 } from '../helpers/services.ts';
import { answerList } from '../intake/samples.ts';

/**
 * Intake derives its lookups once per config (shared/domain/intake-rules.ts). These hold the derived
 * forms to what the per-call code computed before, written out here as it was.
 */
const competition = loadNtt2024();

function referenceMatchRegion(
  input: string,
  regions: readonly string[],
  aliases: Record<string, string> = {},
) {
  const byNorm = new Map(regions.map((r) => [normalizeText(r), r]));
  const aliasOf = new Map(Object.entries(aliases).map(([typed, region]) => [normalizeText(typed), region]));
  const typed = normalizeText(input);
  const bare = typed.replace(/^(kabupaten|kab)\s+/, '');
  for (const candidate of [typed, bare]) {
    const hit = byNorm.get(candidate) ?? byNorm.get(normalizeText(aliasOf.get(candidate) ?? ''));
    if (hit) return hit;
  }
  return undefined;
}

function referenceMapAnswers(form: typeof competition.form, answers: readonly FormAnswer[]) {
  const out: Record<string, string> = {};
  for (const field of SUBMISSION_FIELDS) {
    const ref = form ? form.fields[field] : field;
    const refs = ref === undefined ? [] : Array.isArray(ref) ? ref : [ref];
    for (const r of refs) {
      const hit = answers.find(
        (a) =>
          (a.questionId !== undefined && a.questionId === r) ||
          (a.title !== undefined && normalizeText(a.title) === normalizeText(r)),
      );
      const text = hit
        ? hit.values
            .map((v) => v.trim())
            .filter((v) => v !== '')
            .join(', ')
        : '';
      if (text !== '') {
        out[field] = text;
        break;
      }
    }
  }
  return out;
}

function referenceIntakeState(opensAt: string, closesAt: string, zone: string, at: Date) {
  const closingDay = (day: string) => {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
  };
  const opens = zonedToInstant(opensAt, zone).getTime();
  const closes = zonedToInstant(closesAt.includes('T') ? closesAt : closingDay(closesAt), zone).getTime();
  return at.getTime() < opens ? 'not-yet-open' : at.getTime() >= closes ? 'closed' : 'open';
}

describe('the region lookup built once', () => {
  const aliases = { TTS: 'Timor Tengah Selatan', 'Pemprov NTT': 'Provinsi NTT', Lost: 'Nowhere' };
  const typed = [
    ...competition.regions,
    ...competition.regions.map((r) => `Kab. ${r.toUpperCase()}`),
    ...competition.regions.map((r) => `kabupaten  ${r.replace(/ /g, '-')}`),
    'TTS',
    'kab tts',
    'Pemprov NTT',
    'Lost',
    'Kabupaten Bantul',
    '',
    '...',
  ];
  it.each([
    ['the NTT config', competition.regions, competition.regionAliases ?? {}],
    ['aliases, one to no region', competition.regions, aliases],
    ['a region that normalises to nothing', [...competition.regions, '.'], aliases],
  ])('resolves every spelling as before, with %s', (_, regions, given) => {
    for (const input of typed) {
      expect(matchRegion(input, regions, given)).toBe(referenceMatchRegion(input, regions, given));
    }
  });
});

describe('the question lookup built once', () => {
  it('picks the same answers as before, whatever their order, case, ids and repeats', () => {
    const random = seededRandom(22);
    const base = answerList();
    for (let round = 0; round < 50; round++) {
      const answers: FormAnswer[] = base
        .map((a) => ({ ...a, title: random() < 0.3 ? ` ${a.title.toUpperCase()} ` : a.title }))
        .concat(base.filter(() => random() < 0.2).map((a) => ({ ...a, values: ['again'] })))
        .map((a) => (random() < 0.1 ? { questionId: a.title, values: a.values } : a))
        .sort(() => random() - 0.5);
      expect(mapAnswers(competition.form, answers)).toEqual(referenceMapAnswers(competition.form, answers));
      expect(mapAnswers(undefined, answers)).toEqual(referenceMapAnswers(undefined, answers));
    }
  });
});

describe('the intake window built once', () => {
  const zone = competition.timezone;
  const windows = [
    { opensAt: '2024-09-01', closesAt: '2024-11-15' },
    { opensAt: '2024-09-01T08:00', closesAt: '2024-11-15T17:30' },
  ];
  it.each(windows)('answers as before around $opensAt – $closesAt', (intake) => {
    const window = intakeWindow({ intake, timezone: zone });
    const edges = [intake.opensAt, intake.closesAt].map((t) => zonedToInstant(t, zone).getTime());
    const day = 24 * 3600_000;
    const instants = edges.flatMap((e) => [-day, -60_000, -1, 0, 1, 60_000, day, day - 1].map((d) => e + d));
    for (const at of instants.map((t) => new Date(t))) {
      const expected = referenceIntakeState(intake.opensAt, intake.closesAt, zone, at);
      expect(window(at)).toBe(expected);
      expect(intakeState({ intake, timezone: zone }, at)).toBe(expected);
    }
  });

  it('is always open without a window', () => {
    expect(intakeWindow({ timezone: zone })(new Date(0))).toBe('open');
  });
});

describe('intakeRulesCache', () => {
  it('derives a config’s rules once, and a changed config (a new object) gets its own', () => {
    const rulesOf = intakeRulesCache();
    expect(rulesOf(competition)).toBe(rulesOf(competition));
    const later = { ...competition, intake: { opensAt: '2024-12-01', closesAt: '2024-12-31' } };
    const at = new Date('2024-11-01T00:00:00Z');
    expect(rulesOf(competition).windowAt(at)).toBe('open');
    expect(rulesOf(later).windowAt(at)).toBe('not-yet-open');
  });

  it('validates as validateSubmission does', () => {
    const rules = intakeRulesCache()(competition);
    for (const overrides of [{}, { 'Kabupaten/Kota': 'Kab. Belu' }, { 'Kabupaten/Kota': 'Bantul' }]) {
      const submission = {
        responseId: 'r1',
        lastSubmittedTime: '2024-10-30T02:15:00.000Z',
        answers: answerList(overrides),
      };
      expect(rules.validate(submission)).toEqual(validateSubmission(competition, submission));
    }
  });
});
