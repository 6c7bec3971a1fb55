import { seededRandom } from '../../shared/seeded-random.ts';
/** What can go wrong with one request, as Google does it. */
export type Fault =
  | { kind: 'quota'; retryAfterSeconds?: number }
  | { kind: 'error'; status: 500 | 503 }
  | { kind: 'slow'; ms: number }
  | { kind: 'drop' };

export const DEFAULT_FAULT_KINDS: readonly Fault[] = [
  { kind: 'quota', retryAfterSeconds: 0 },
  { kind: 'error', status: 500 },
  { kind: 'error', status: 503 },
  { kind: 'slow', ms: 20 },
  { kind: 'drop' },
];

/** Decides, request by request, whether a fault happens: a script first, then a seeded random rate. */
export interface FaultPlan {
  /** The next requests meet these faults in order (null: that request goes through). */
  script(faults: readonly (Fault | null)[]): void;
  /** From now on each request meets a fault with probability `rate`, reproducibly for a seed. */
  random(opts: { rate: number; seed: number; kinds?: readonly Fault[] }): void;
  /** No more faults. */
  clear(): void;
  /** Faults injected so far. */
  injected(): number;
  /** The fault for the request arriving now. */
  next(): Fault | null;
}

export function createFaultPlan(): FaultPlan {
  let scripted: (Fault | null)[] = [];
  let random: { rate: number; kinds: readonly Fault[]; draw: () => number } | null = null;
  let count = 0;
  return {
    script(faults) {
      scripted = [...faults];
    },
    random({ rate, seed, kinds = DEFAULT_FAULT_KINDS }) {
      random = { rate, kinds, draw: seededRandom(seed) };
    },
    clear() {
      scripted = [];
      random = null;
    },
    injected: () => count,
    next() {
      let fault: Fault | null = null;
      if (scripted.length > 0) fault = scripted.shift() ?? null;
      else if (random && random.draw() < random.rate) {
        fault = random.kinds[Math.floor(random.draw() * random.kinds.length)] ?? null;
      }
      if (fault) count += 1;
      return fault;
    },
  };
}
