import type { Competition } from '../../shared/domain/competition.ts';
import { perConfig } from '../../shared/domain/per-config.ts';
import { type JurorTab, jurorTabs } from '../../shared/sheet/juror-tab.ts';

/** Each competition's juror tabs by its config object: tabs can never outlive or mix up a config. */
export type JurorTabsOf = (c: Competition) => JurorTab[];

/**
 * A composition root builds one per deployment: every cron tick reads the juror tabs, and laying them
 * out (titles shortened, made unique) is work a tick that finds nothing new otherwise does each time.
 * The tabs are shared by every read: no caller changes them.
 */
export function jurorTabsCache(): JurorTabsOf {
  return perConfig(jurorTabs);
}
