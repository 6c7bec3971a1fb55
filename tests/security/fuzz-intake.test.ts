import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseFormsApiResponse, parseJson } from '../../functions/intake/payloads.ts';
import { openSqliteStore } from '../../infra/local/sqlite-store.ts';
import { validateSubmission } from '../../shared/domain/submission.ts';
import { singleLineText } from '../../shared/domain/text.ts';
import type { RawSubmission, Rejection, StoreAdapter } from '../../shared/ports.ts';
import { loadNtt2024 } from '../helpers/services.ts';
import { withPorts } from '../helpers/stores.ts';
import { appWith, servicesWith, signedHeaders } from '../intake/harness.ts';
import { QUESTION_IDS } from '../intake/samples.ts';
import { formPayload, junk, keyish } from './arbitraries.ts';

/** 10,000 cases per property on every run; the seed is printed on failure, so a failure can be replayed. */
const RUNS = 10_000;
/** A hang detector for 10,000 signed requests: about 25 s idle on 2 cores, 240 s and more at load 17. */
const FUZZ_MS = 1_800_000;

const sqlite = openSqliteStore(':memory:');
afterAll(() => sqlite.close());

/** The store, watched: what the last request archived and rejected. */
const last: { raw?: RawSubmission; rejection?: Rejection } = {};
const store: StoreAdapter = withPorts(sqlite, ({ archive, innovations }) => ({
  // An accepted payload is archived in its innovation's write.
  innovations: {
    ...innovations,
    async upsertInnovation(submission, numberToId, raw) {
      const stored = await innovations.upsertInnovation(submission, numberToId, raw);
      if (raw) last.raw = raw;
      return stored;
    },
  },
  archive: {
    ...archive,
    async archiveRaw(raw) {
      await archive.archiveRaw(raw);
      last.raw = raw;
    },
    async recordRejection(rejection) {
      await archive.recordRejection(rejection);
      last.rejection = rejection;
    },
  },
}));
const forget = () => {
  delete last.raw;
  delete last.rejection;
};
// Payload robustness, not the calendar: fuzzed timestamps fall anywhere, so the intake window (which
// has its own tests in tests/intake/intake-window.test.ts) is left open here.
const fuzzed = servicesWith(store);
const { intake: _window, ...alwaysOpen } = fuzzed.competition;
const app = appWith({ ...fuzzed, competition: alwaysOpen as typeof fuzzed.competition });
/** How the cases were answered: the run must have exercised acceptance as well as rejection. */
const statuses = new Map<number, number>();

const prototypes = [Object.prototype, Array.prototype, Function.prototype, String.prototype];
const shape = () => prototypes.map((p) => Object.getOwnPropertyNames(p).sort().join(','));
const before = shape();

function notPolluted(): void {
  expect(shape()).toEqual(before);
  // biome-ignore lint/suspicious/noExplicitAny: probing for properties that must not exist
  const plain: any = {};
  for (const key in plain) throw new Error(`Object.prototype gained an enumerable key: ${key}`);
  expect(plain.polluted ?? plain.title ?? plain.responseId).toBeUndefined();
}

describe('fuzzing POST /intake/form', () => {
  it(
    `never answers 5xx, archives every payload, gives every rejection a reason (${RUNS} cases)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            { weight: 9, arbitrary: formPayload.map((p) => JSON.stringify(p) ?? 'null') },
            { weight: 1, arbitrary: fc.string() },
          ),
          async (body) => {
            forget();
            const res = await app.request('/intake/form', {
              method: 'POST',
              headers: await signedHeaders(body),
              body,
            });
            expect(res.status).toBeLessThan(500);
            statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
            notPolluted();
            const bytes = Buffer.from(body, 'utf8');
            if (res.status === 413) {
              expect(bytes.length).toBeGreaterThan(1024 * 1024);
              return;
            }
            // Archived whatever its verdict, named by its bytes.
            expect(last.raw?.id).toBe(`sha256-${createHash('sha256').update(bytes).digest('hex')}`);
            if (res.status < 300) return;
            const answer = (await res.json()) as {
              error: { code: string; message: string; fields?: unknown[] };
            };
            expect(res.status).toBe(422);
            expect(answer.error.code).toBe('validation_failed');
            expect(answer.error.message).not.toBe('');
            expect(answer.error.fields?.length).toBeGreaterThan(0);
            const responseId = (parseJson(body) as { responseId?: unknown } | null | undefined)?.responseId;
            // Kept under the id as cleaned into one line (shared/domain/text.ts: no invisible characters).
            if (typeof responseId === 'string' && singleLineText(responseId) !== '') {
              expect(last.rejection?.responseId).toBe(singleLineText(responseId));
              expect(last.rejection?.rawId).toBe(last.raw?.id);
              expect(last.rejection?.reasons.length).toBeGreaterThan(0);
            }
          },
        ),
        // Every case runs, however slow the machine: a time limit here made the verdict depend on speed
        // (9,665 of 10,000 at load 17 counted as a failure).
        { numRuns: RUNS },
      );
      expect(statuses.get(201)).toBeGreaterThan(RUNS / 10);
      expect(statuses.get(422)).toBeGreaterThan(RUNS / 10);
    },
    FUZZ_MS,
  );

  it(`reads any Forms API response into a submission or reasons, never throwing (${RUNS} cases)`, () => {
    const competition = loadNtt2024();
    const titles = fc.dictionary(keyish, keyish, { maxKeys: 4 }).map((extra) => ({
      ...Object.fromEntries(Object.entries(QUESTION_IDS).map(([title, id]) => [id, title])),
      ...extra,
    }));
    fc.assert(
      fc.property(junk, titles, (response, questionTitles) => {
        const parsed = parseFormsApiResponse(response, questionTitles);
        if (parsed.ok) {
          const checked = validateSubmission(competition, parsed.submission);
          if (!checked.ok) expect(checked.reasons.length).toBeGreaterThan(0);
        } else expect(parsed.reasons.length).toBeGreaterThan(0);
        notPolluted();
      }),
      { numRuns: RUNS },
    );
  });
});
