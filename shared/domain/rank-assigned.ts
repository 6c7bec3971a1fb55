import { assignPanel } from './assignment.ts';
import type { Competition, Stage } from './competition.ts';
import type { Innovation } from './innovation.ts';

/**
 * Which juror the stage's assignment gives each entry, as one flag per entry and juror id: the ranking
 * asks it for every row it reads (~26,000 nationally), and a `juror|innovation` string per pair and per
 * row made the check cost as much as the assignment itself.
 */
export class AssignedPairs {
  private readonly flags: Uint8Array;
  private readonly slotOfId = new Map<string, number>();
  private readonly slots: number;
  private lastJuror: string | undefined;
  private lastSlot = -1;

  /** `inStage`: each entry's index in the stage, by id, as the ranking numbers the population. */
  constructor(
    competition: Competition,
    stage: Stage,
    population: readonly Innovation[],
    inStage: ReadonlyMap<string, number>,
  ) {
    const a = assignPanel(competition, stage, population);
    this.slots = a.slots;
    a.panel.forEach((j, k) => {
      this.slotOfId.set(j.id, a.slotOf[k] ?? 0);
    });
    this.flags = new Uint8Array(inStage.size * a.slots);
    for (let p = 0; p < a.order.length; p++) {
      const innovation = population[a.order[p] ?? 0] as Innovation;
      const entry = inStage.get(innovation.id) ?? 0;
      for (let i = p * a.perInnovation; i < (p + 1) * a.perInnovation; i++) {
        this.flags[entry * a.slots + (a.slotOf[a.picks[i] ?? 0] ?? 0)] = 1;
      }
    }
  }

  /** Whether the juror (by id) is assigned the stage's entry at `entry`. */
  has(entry: number, jurorId: string): boolean {
    if (jurorId !== this.lastJuror) {
      this.lastJuror = jurorId;
      this.lastSlot = this.slotOfId.get(jurorId) ?? -1;
    }
    return this.lastSlot >= 0 && this.flags[entry * this.slots + this.lastSlot] === 1;
  }
}
