import { zonedToInstant } from './dates.ts';

/**
 * The competition's timeline: intake window, scoring deadlines, announcement. Config times are local
 * wall-clock times in the competition's zone. A bare day that *closes* something means the end of that
 * day (a Form "open until 31 October" accepts the evening of the 31st); one that opens means its start.
 */

const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/;

/** The intake window, local times in the competition's zone. */
interface IntakeWindow {
  opensAt: string;
  closesAt: string;
}

/** What of a competition's config the timeline reads (the config imports this module's checks). */
interface TimelineInput {
  announceAt: string;
  timezone: string;
  intake?: IntakeWindow | undefined;
  stages: readonly { deadline?: string | undefined }[];
}

/** The instant a config time stands for; `closing` makes a bare day last until midnight. */
export function timelineInstant(local: string, timeZone: string, closing: boolean): Date {
  const start = zonedToInstant(local, timeZone);
  if (!closing || local.includes('T')) return start;
  const [y, m, d] = local.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
  return zonedToInstant(next, timeZone);
}

export type IntakeState = 'open' | 'not-yet-open' | 'closed';

/** Whether a submission made at `at` falls in the intake window; always open without one. */
export function intakeState(c: Pick<TimelineInput, 'intake' | 'timezone'>, at: Date): IntakeState {
  return intakeWindow(c)(at);
}

/**
 * intakeState for one config, for every submission to come: each end of the window is turned into an
 * instant once (a time zone's offset costs an Intl formatter call or two), when first needed.
 */
export function intakeWindow(c: Pick<TimelineInput, 'intake' | 'timezone'>): (at: Date) => IntakeState {
  const { intake, timezone } = c;
  if (!intake) return () => 'open';
  let opens: number | undefined;
  let closes: number | undefined;
  return (at) => {
    opens ??= timelineInstant(intake.opensAt, timezone, false).getTime();
    if (at.getTime() < opens) return 'not-yet-open';
    closes ??= timelineInstant(intake.closesAt, timezone, true).getTime();
    if (at.getTime() >= closes) return 'closed';
    return 'open';
  };
}

export interface TimelineIssue {
  path: (string | number)[];
  code: 'timelineOrder';
  args: Record<string, string>;
}

/** Each step of the timeline must come after the one before it. */
export function timelineIssues(c: TimelineInput): TimelineIssue[] {
  const times = [c.announceAt, c.intake?.opensAt, c.intake?.closesAt, ...c.stages.map((s) => s.deadline)];
  // A malformed time is reported by its own check; the order can only be judged between real ones.
  if (times.some((t) => t !== undefined && !LOCAL_TIME.test(t))) return [];
  let at: (local: string, closing: boolean) => number;
  try {
    at = (local, closing) => timelineInstant(local, c.timezone, closing).getTime();
    at(c.announceAt, false);
  } catch {
    return []; // an unknown time zone is reported on its own
  }
  const issues: TimelineIssue[] = [];
  const order = (path: (string | number)[], before: string, after: string) =>
    issues.push({ path, code: 'timelineOrder', args: { before, after } });
  const announce = at(c.announceAt, false);
  if (c.intake) {
    if (at(c.intake.opensAt, false) >= at(c.intake.closesAt, true))
      order(['intake', 'closesAt'], 'intake.opensAt', 'intake.closesAt');
    if (at(c.intake.closesAt, true) > announce)
      order(['intake', 'closesAt'], 'intake.closesAt', 'announceAt');
  }
  let previous = c.intake ? at(c.intake.closesAt, true) : Number.NEGATIVE_INFINITY;
  let previousName = 'intake.closesAt';
  c.stages.forEach((s, i) => {
    if (!s.deadline) return;
    const deadline = at(s.deadline, true);
    const name = `stages[${i}].deadline`;
    if (deadline < previous) order(['stages', i, 'deadline'], previousName, name);
    if (deadline > announce) order(['stages', i, 'deadline'], name, 'announceAt');
    previous = deadline;
    previousName = name;
  });
  return issues;
}
