import fc from 'fast-check';
import { NTT_2024_ANSWERS } from '../intake/samples.ts';

/** Characters that have broken text handling somewhere before: XML, JSON, sheets, prototypes, shells. */
const NASTY = [
  '\uFFFE',
  '\uFFFF',
  '\u0000',
  '\u0007',
  '\u001B',
  '\u007F',
  '\u0085',
  '\uFDD0',
  '\u{1FFFE}',
  '\u{10FFFF}',
  '\u202E',
  '\u200B',
  '\uFEFF',
  '\r',
  '\n',
  '\t',
  '"',
  '\\',
  '<',
  '&',
  '=',
  "'",
  '%',
  '~',
  '.',
  '/',
  'e\u0301',
  '８',
  '٨',
];

/** One character of any Unicode class, lone surrogates included. */
export const anyChar: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((u) => String.fromCharCode(u)) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
);

export const anyText = (maxLength = 40): fc.Arbitrary<string> => fc.string({ unit: anyChar, maxLength });

/** Now and then a very long one: a pasted document, or an attack on a size limit. */
export const sometimesHuge: fc.Arbitrary<string> = fc.oneof(
  { weight: 40, arbitrary: anyText() },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 20_000, max: 400_000 }), fc.constantFrom('a', 'é', '\uFFFE', '🙂', ' '))
      .map(([n, c]) => c.repeat(n)),
  },
);

/** Object keys that reach prototypes when code assigns by key. */
export const keyish: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: anyText(12) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'),
  },
  { weight: 2, arbitrary: fc.constantFrom(...Object.keys(NTT_2024_ANSWERS)) },
);

/** Nested junk of every JSON type, with dangerous keys. */
export const junk: fc.Arbitrary<unknown> = fc.anything({
  key: keyish,
  values: [anyText(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null)],
  maxDepth: 3,
  maxKeys: 5,
});

const instant = fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true });

/** A Form answer list: mostly the real questions, with their text replaced by anything. */
const answers: fc.Arbitrary<unknown> = fc.oneof(
  fc.array(
    fc.record(
      {
        title: keyish,
        questionId: fc.oneof(anyText(8), junk),
        values: fc.oneof(
          { weight: 5, arbitrary: fc.array(sometimesHuge, { maxLength: 3 }) },
          { weight: 1, arbitrary: junk },
        ),
      },
      { requiredKeys: ['title', 'values'] },
    ),
    { maxLength: 25 },
  ),
  junk,
);

/** A real response with a few answers replaced by anything: most are accepted, with odd text. */
const nearlyValid: fc.Arbitrary<unknown> = fc
  .tuple(
    fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 10 }),
    instant,
    fc.dictionary(fc.constantFrom(...Object.keys(NTT_2024_ANSWERS)), sometimesHuge, { maxKeys: 3 }),
  )
  .map(([responseId, at, replaced]) => ({
    formId: 'form-1',
    responseId,
    timestamp: at.toISOString(),
    respondentEmail: '',
    answers: Object.entries({ ...NTT_2024_ANSWERS, ...replaced }).map(([title, value]) => ({
      title,
      values: [value],
    })),
  }));

/** What Code.gs might post, if it were broken or someone else held its secret. */
export const formPayload: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nearlyValid },
  {
    weight: 6,
    arbitrary: fc.record(
      {
        formId: fc.oneof(anyText(), junk),
        responseId: fc.oneof(
          { weight: 4, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 12 }) },
          { weight: 2, arbitrary: anyText(20) },
          { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', '', '.', '..', '__x__') },
          { weight: 1, arbitrary: junk },
        ),
        timestamp: fc.oneof(
          { weight: 4, arbitrary: instant.map((d) => d.toISOString()) },
          { weight: 1, arbitrary: anyText() },
          { weight: 1, arbitrary: junk },
        ),
        respondentEmail: fc.oneof(anyText(), fc.emailAddress(), junk),
        answers,
      },
      { requiredKeys: [] },
    ),
  },
  { weight: 2, arbitrary: junk },
);

/** What a juror might type into a score cell. */
export const scoreCell: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.double({ noNaN: false }).map(String) },
  { weight: 3, arbitrary: fc.integer({ min: -5, max: 120 }).map(String) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 99 }),
        fc.constantFrom(',', '.', '٫', '，'),
      )
      .map(([a, b, sep]) => `${a}${sep}${b}`),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '8,5,3',
      '1e309',
      '-1e309',
      '1e3',
      'NaN',
      'Infinity',
      '-0',
      '+0',
      '0x10',
      '1.000,5',
      '1,000.5',
      '1 000',
      '８',
      '８,５',
      '٨',
      '=8+1',
      '=SUM(A1:A2)',
      "'8",
      '8%',
      '8,',
      ',5',
      '.',
      ',',
      '--8',
      '8 ',
      ' 8,5 ',
      '\u00A08',
      '8\u200B',
    ),
  },
  { weight: 1, arbitrary: anyText(8) },
);
