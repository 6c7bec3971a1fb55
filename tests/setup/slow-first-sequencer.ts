import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * A sequencer that starts the files known to be slow first, longest first, within each group of projects.
 *
 * With two workers, a long file started last keeps one core busy alone at the end of the run; started
 * first, the short files fill the other core around it. Vitest orders by the durations it cached on an
 * earlier run, but a fresh clone has no cache, so the order comes from this list (kept by hand from the
 * slowest files the closing line prints). Files not on it keep Vitest's own order, after the listed ones.
 */
export function slowFirst(slowest: readonly string[]) {
  const rank = (spec: TestSpecification) => {
    const index = slowest.findIndex((path) => spec.moduleId.endsWith(`/${path}`));
    return index < 0 ? slowest.length : index;
  };
  return class SlowFirstSequencer extends BaseSequencer {
    override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
      const vitestOrder = await super.sort(files);
      const group = (spec: TestSpecification) => spec.project.config.sequence.groupOrder;
      return vitestOrder
        .map((spec, index) => ({ spec, index }))
        .sort((a, b) => group(a.spec) - group(b.spec) || rank(a.spec) - rank(b.spec) || a.index - b.index)
        .map(({ spec }) => spec);
    }
  };
}
