import type { Child } from 'hono/jsx';
import type { Competition } from '../../../shared/domain/competition.ts';
import type { Lang } from '../../../shared/domain/i18n.ts';
import { type LifecyclePhase, samePhase } from '../../../shared/domain/lifecycle.ts';
import { phaseName } from '../../../shared/messages/lifecycle.ts';
import { Layout } from '../ui/layout.tsx';
import { type Say, type StringKey, sayer } from '../ui/strings.ts';
import { DASHBOARD_CSS } from '../ui/styles.ts';

/** The console's pages, in the order of a competition's life; the path is what follows /sekretariat. */
export const CONSOLE_PAGES = {
  ringkasan: { path: '', label: 'pageRingkasan' },
  seleksi: { path: '/seleksi', label: 'pageSeleksi' },
  penilaian: { path: '/penilaian', label: 'pagePenilaian' },
  keadilan: { path: '/keadilan', label: 'pageKeadilan' },
  hasil: { path: '/hasil', label: 'pageHasil' },
  pengaturan: { path: '/pengaturan', label: 'pagePengaturan' },
} as const satisfies Record<string, { path: string; label: StringKey }>;

export type ConsolePageId = keyof typeof CONSOLE_PAGES;

export function consolePath(id: ConsolePageId): string {
  return `/sekretariat${CONSOLE_PAGES[id].path}`;
}

export function isConsolePage(id: string | undefined): id is ConsolePageId {
  return id !== undefined && Object.hasOwn(CONSOLE_PAGES, id);
}

/** The page where a phase's work is done: the step bar links each step there. */
export function pageOfPhase(phase: LifecyclePhase): ConsolePageId {
  if (phase.code === 'registration' || phase.code === 'selection') return 'seleksi';
  if (phase.code === 'judging') return 'penilaian';
  return 'hasil';
}

/**
 * Every step of this competition's life in order (selection and uji publik only when configured); the
 * last is "announced", or "corrected" once the log reached it.
 */
export function lifecycleSteps(competition: Competition, now: LifecyclePhase): LifecyclePhase[] {
  return [
    { code: 'registration' },
    ...(competition.selection ? [{ code: 'selection' as const }] : []),
    ...competition.stages.map((s) => ({ code: 'judging' as const, stage: s.id })),
    { code: 'fixing' },
    ...(competition.publicTest ? [{ code: 'publicTest' as const }] : []),
    now.code === 'corrected' ? { code: 'corrected' } : { code: 'announced' },
  ];
}

export function LogoutForm({ t }: { t: Say }) {
  return (
    <form method="post" action="/sekretariat/keluar" class="noprint">
      <button type="submit" class="ghost">
        {t('logout')}
      </button>
    </form>
  );
}

export const CONSOLE_CSS = `
.tabs,.steps{display:flex;flex-wrap:wrap;gap:.25rem;list-style:none;padding:0;margin:0 0 .5rem;font-size:.875rem}
.tabs a{display:block;padding:.3rem .6rem;border:1px solid #c3cbd3;border-radius:.375rem;background:#fff;text-decoration:none}
.tabs a[aria-current]{background:#13315c;color:#fff;border-color:#13315c;font-weight:600}
.steps{gap:.25rem .75rem;margin:0 0 .75rem}
.steps li{color:#4a5560}
.steps .done{color:#1a7f37}
.steps .now{font-weight:700;color:#13315c}
.act{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center}
.act form{margin:0}
.act p{margin:0}
a.btn{display:inline-block;text-decoration:none}
.pager{display:flex;gap:1rem;flex-wrap:wrap;align-items:center}
@media (max-width:40rem){.steps li:not(.now):not(.next){display:none}.tabs a{padding:.2rem .45rem}main{padding:.75rem}h1{font-size:1.3rem;margin:0 0 .35rem}.bar{padding:.5rem .75rem}}
`;

function StepBar(props: { competition: Competition; lang: Lang; phase: LifecyclePhase }) {
  const { competition, lang, phase } = props;
  const t = sayer(lang);
  const steps = lifecycleSteps(competition, phase);
  const at = steps.findIndex((s) => samePhase(s, phase));
  return (
    <ol class="steps noprint" aria-label={t('stepsLabel')}>
      {steps.map((step, i) => {
        const state = i < at ? 'done' : i === at ? 'now' : i === at + 1 ? 'next' : 'todo';
        const name = phaseName(step, competition, lang);
        return (
          <li class={state}>
            {i + 1}.{' '}
            {i === at ? (
              <a href={consolePath(pageOfPhase(step))} aria-current="step">
                {name} ({t('stepNow')})
              </a>
            ) : (
              <a href={consolePath(pageOfPhase(step))}>{name}</a>
            )}
          </li>
        );
      })}
    </ol>
  );
}

export interface ConsoleLayoutProps {
  competition: Competition;
  lang: Lang;
  page: ConsolePageId;
  phase: LifecyclePhase;
  /** The page's own CSS, after the console's. */
  css?: string;
  /** The path of this very page with its query, for the language switch. */
  path?: string;
  script?: { nonce: string; code: string } | undefined;
  notice?: { kind: 'ok' | 'err'; text: string } | undefined;
  /** The page's h1 when it says more than its tab (the fairness report's full title). */
  heading?: string;
  /** Under several competitions: the switch between their consoles, and whether this one is over. */
  switcher?: CompetitionSwitch | undefined;
  children?: Child;
}

export interface CompetitionSwitch {
  /** Newest first; `path` is that competition's console. */
  choices: { id: string; name: string; path: string }[];
  closed: boolean;
}

/** The deployment's competitions as links to their consoles, this one marked; only under several. */
function SwitchNav(props: { competition: Competition; lang: Lang; switcher: CompetitionSwitch }) {
  const t = sayer(props.lang);
  return (
    <>
      <nav aria-label={t('competitionSwitch')} class="noprint">
        <ul class="tabs">
          {props.switcher.choices.map((choice) => (
            <li>
              <a
                href={choice.path}
                {...(choice.id === props.competition.id ? { 'aria-current': 'true' } : {})}
              >
                {choice.name}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {props.switcher.closed ? (
        <p class="notice" role="status">
          {t('competitionClosedNote')}
        </p>
      ) : null}
    </>
  );
}

/** Every console page: the tabs, the step bar read from the lifecycle, the page's title and its notice. */
export function ConsoleLayout(props: ConsoleLayoutProps) {
  const { competition, lang, page } = props;
  const t = sayer(lang);
  const title = t(CONSOLE_PAGES[page].label);
  // The overview is the console's front door: its heading names the console itself.
  const heading = props.heading ?? (page === 'ringkasan' ? t('dashboard') : title);
  return (
    <Layout
      lang={lang}
      title={`${title} — ${t('secretariat')} — ${competition.id}`}
      org={t('secretariat')}
      css={DASHBOARD_CSS + CONSOLE_CSS + (props.css ?? '')}
      path={props.path ?? consolePath(page)}
      actions={<LogoutForm t={t} />}
      noindex
      script={props.script}
    >
      {props.switcher ? <SwitchNav competition={competition} lang={lang} switcher={props.switcher} /> : null}
      <nav aria-label={t('consolePages')} class="noprint">
        <ul class="tabs">
          {(Object.keys(CONSOLE_PAGES) as ConsolePageId[]).map((id) => (
            <li>
              <a href={consolePath(id)} {...(id === page ? { 'aria-current': 'page' } : {})}>
                {t(CONSOLE_PAGES[id].label)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <StepBar competition={competition} lang={lang} phase={props.phase} />
      <h1>{heading}</h1>
      {props.notice ? (
        <p
          class={props.notice.kind === 'err' ? 'notice err' : 'notice'}
          role={props.notice.kind === 'err' ? 'alert' : 'status'}
        >
          {props.notice.text}
        </p>
      ) : null}
      {props.children}
    </Layout>
  );
}
