import { z } from 'zod';
import { singleLine } from './text.ts';

/**
 * Representation rules on the final selection (issue 24, rules version `juri-rules/4`): at most so many
 * winners per region, at least so many per category or per named region group (e.g. "3T"). They choose
 * which entries of the final ranking win; they never change a score or a rank. docs/representation.md
 * states the algorithm for independent checkers.
 */
export const representationRulesSchema = z.object({
  /** At most this many winners from one region. */
  maxPerRegion: z.number().int().min(1).optional(),
  /** At least this many winners in each category: one number for every category, or per category id. */
  minPerCategory: z
    .union([z.number().int().min(1), z.record(z.string(), z.number().int().min(0))])
    .optional(),
  /** Named groups of regions, e.g. {"3T": ["Alor", "Belu", …]}: the frontier, outermost and disadvantaged ones. */
  groups: z.record(singleLine().min(1), z.array(singleLine().min(1)).min(1)).optional(),
  /** At least this many winners from each named group. */
  minPerGroup: z.record(z.string(), z.number().int().min(1)).optional(),
});
export type RepresentationRules = z.output<typeof representationRulesSchema>;

/** A minimum: of a category (its id) or of a named region group. */
export interface Quota {
  kind: 'category' | 'group';
  id: string;
  min: number;
}

/** The config's minimums in a fixed order: categories in config order, then groups in config order. */
export function quotasOf(rules: RepresentationRules, categoryIds: readonly string[]): Quota[] {
  const perCategory = rules.minPerCategory;
  const categories = categoryIds.flatMap((id): Quota[] => {
    const min = typeof perCategory === 'number' ? perCategory : (perCategory?.[id] ?? 0);
    return min > 0 ? [{ kind: 'category', id, min }] : [];
  });
  const groups = Object.keys(rules.groups ?? {}).flatMap((id): Quota[] => {
    const min = rules.minPerGroup?.[id] ?? 0;
    return min > 0 ? [{ kind: 'group', id, min }] : [];
  });
  return [...categories, ...groups];
}
