import { sha256Hex } from '../../shared/digest.ts';
import type { OutputTab } from '../../shared/sheet/output-tab.ts';
import type { PublishMeta } from './publish-meta.ts';

/**
 * Part of every digest: raised when juri changes how an output tab looks (publish-plan.ts), so that
 * every live tab is written again once, in the new look.
 */
const LOOKS = 1;

/**
 * A digest of everything each output tab shows, for the tabs without a content version (those are
 * patched: OutputTab.grown). A live tab whose digest the bookkeeping already holds is left as it is: after
 * a one-cell edit only the tabs whose content moved (often one ranking) are written.
 */
export async function contentSums(tabs: OutputTab[]): Promise<Record<string, string>> {
  const plain = tabs.filter((tab) => !tab.grown);
  const sums = await Promise.all(
    plain.map((tab) =>
      sha256Hex(
        JSON.stringify([
          LOOKS,
          tab.title,
          tab.header,
          tab.rows,
          tab.widths ?? null,
          tab.scoreColumns ?? null,
          tab.links ?? null,
        ]),
      ),
    ),
  );
  return Object.fromEntries(plain.map((tab, i) => [tab.key, sums[i] ?? '']));
}

/** Every how many publishes every output tab is written whole, whatever the digests say. */
export const REWRITE_EVERY = 16;

/**
 * The bookkeeping a publish compares the new digests with: as it is, except on every REWRITE_EVERY-th
 * publish, which compares with none and so writes every tab whole: a cell typed by hand into an output
 * tab whose content does not change (the announcement after the fix) is gone within that many written
 * syncs, as before digests were kept it was gone at the next.
 */
export function comparedWith(meta: PublishMeta): PublishMeta {
  return meta.gen % REWRITE_EVERY === REWRITE_EVERY - 1 ? { ...meta, sums: {} } : meta;
}

/** Whether the live tab of `tab` shows this content already (the bookkeeping holds the same digest). */
export function shownAsIs(meta: PublishMeta, tab: OutputTab, sums: Record<string, string>): boolean {
  const sum = sums[tab.key];
  return sum !== undefined && meta.live[tab.key] !== undefined && meta.sums?.[tab.key] === sum;
}
