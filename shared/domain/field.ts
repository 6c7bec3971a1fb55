import type { Stage } from './competition.ts';
import { FIELD_EXTRAS, type FieldAnswer, readAnswer } from './field-answers.ts';
import { cmp } from './problems.ts';

/**
 * What these rules read of a ranked entry and a stage's result (ranking.ts's RankedEntry and
 * StageResult, which rank a field stage through these rules: named here, not imported, so no cycle).
 */
interface VerifiedEntry {
  id: string;
  status: 'complete' | 'incomplete';
  score: number | null;
  advances: boolean;
  totals: Record<string, number>;
}
interface VerifiedStage<E extends VerifiedEntry = VerifiedEntry> {
  stage: string;
  ranking: E[];
}

/**
 * Field verification (verifikasi lapangan, docs/field.md): a stage with `kind: "field"` whose criteria
 * are the proposal's claims. A verifier answers each one yes, partly or no; the answers read as 2, 1 and
 * 0 on a 0–2 scale, so a verifier's total, the stage score, assignment and conflicts are a scoring
 * stage's. A note and photo links sit beside the answers, as cells under reserved criterion ids.
 */

export function isFieldStage(stage: Pick<Stage, 'kind'>): boolean {
  return stage.kind === 'field';
}

/** A criterion id a field stage reads beside its answers (note, photos): not scored, never a problem. */
export function isFieldExtra(stage: Pick<Stage, 'kind'>, criterion: string): boolean {
  return isFieldStage(stage) && FIELD_EXTRAS.includes(criterion);
}

/**
 * A field stage's gate: a verified entry whose score is below the pass mark fails, and is out of the
 * final ranking. An entry whose verification is not complete yet neither passes nor fails.
 */
export function failsGate(
  stage: Pick<Stage, 'gate'>,
  entry: Pick<VerifiedEntry, 'status' | 'score'>,
): boolean {
  const passMark = stage.gate?.passMark;
  return (
    passMark !== undefined && entry.status === 'complete' && entry.score !== null && entry.score < passMark
  );
}

/** A field stage's ranking with the gate's verdict as `advances`: false only for an entry that failed. */
export function gated<R extends VerifiedStage>(stage: Stage, result: R): R {
  return { ...result, ranking: result.ranking.map((e) => ({ ...e, advances: !failsGate(stage, e) })) };
}

/** The entries a gate turned away in any field stage: out of the final ranking. */
export function failedGates(stages: readonly Stage[], results: readonly VerifiedStage[]): Set<string> {
  const out = new Set<string>();
  for (const stage of stages) {
    if (!stage.gate) continue;
    const ranked = results.find((r) => r.stage === stage.id)?.ranking ?? [];
    for (const e of ranked) if (failsGate(stage, e)) out.add(e.id);
  }
  return out;
}

/**
 * One entry's field verification as a fixed record keeps it (juri-rules/5): the result, and as its
 * reason the claims a counted verifier found unmet (`no`) or partly met (`partly`).
 */
export interface FieldFact {
  stage: string;
  id: string;
  /** `scored`: the score blends into the final weights; `passed`/`failed`: the gate; `incomplete`. */
  result: 'scored' | 'passed' | 'failed' | 'incomplete';
  score: number | null;
  /** The gate's pass mark (0–100), for a gate. */
  passMark?: number;
  /** The verifiers whose answers counted, by id. */
  verifiers: string[];
  no: string[];
  partly: string[];
}

type FieldCell = { stage: string; juror: string; innovation: string; criterion: string; value: string };

/** Every field stage's facts, by stage then entry id, from the ranking and the cells it was ranked from. */
export function fieldFacts(
  stages: readonly Stage[],
  result: { stages: readonly VerifiedStage[] },
  cells: readonly FieldCell[],
): FieldFact[] {
  const out: FieldFact[] = [];
  for (const stage of stages) {
    if (!isFieldStage(stage)) continue;
    const ranked = result.stages.find((s) => s.stage === stage.id)?.ranking ?? [];
    const answers = answersOf(stage, cells);
    for (const e of [...ranked].sort((a, b) => cmp(a.id, b.id))) {
      const verifiers = Object.keys(e.totals).sort(cmp);
      const said = (answer: FieldAnswer) =>
        stage.criteria
          .map((c) => c.id)
          .filter((c) => verifiers.some((j) => answers.get(`${e.id}|${j}|${c}`) === answer));
      out.push({
        stage: stage.id,
        id: e.id,
        result: resultOf(stage, e),
        score: e.score,
        ...(stage.gate ? { passMark: stage.gate.passMark } : {}),
        verifiers,
        no: said('no'),
        partly: said('partly'),
      });
    }
  }
  return out;
}

function resultOf(stage: Stage, e: VerifiedEntry): FieldFact['result'] {
  if (e.status !== 'complete') return 'incomplete';
  if (!stage.gate) return 'scored';
  return failsGate(stage, e) ? 'failed' : 'passed';
}

/** `innovation|juror|criterion` → the answer, for the stage's answer cells that read as one. */
function answersOf(stage: Stage, cells: readonly FieldCell[]): Map<string, FieldAnswer> {
  const out = new Map<string, FieldAnswer>();
  for (const c of cells) {
    if (c.stage !== stage.id) continue;
    const answer = readAnswer(c.value);
    if (answer !== undefined && answer !== 'empty')
      out.set(`${c.innovation}|${c.juror}|${c.criterion}`, answer);
  }
  return out;
}
