import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { html } from 'hono/html';
import type { Competition } from '../../../shared/domain/competition.ts';
import { type Lang, localName } from '../../../shared/domain/i18n.ts';
import type { Issue } from '../../../shared/domain/issues.ts';
import { SUBMISSION_FIELDS, type SubmissionField } from '../../../shared/domain/submission-fields.ts';
import { type IntakeState, intakeState, timelineInstant } from '../../../shared/domain/timeline.ts';
import { AppError } from '../../../shared/errors.ts';
import { bilingual } from '../../../shared/messages/catalogue/t.ts';
import { issueText } from '../../../shared/messages/issues.ts';
import { formatInstant, formatLongDate } from '../../../shared/messages/moments.ts';
import { FIELD_NAMES } from '../../../shared/messages/selection.ts';
import { newestFirst } from '../../compose/deployment.ts';
import type { AppEnv } from '../../compose/services.ts';
import { ingestSubmission } from '../../intake/ingest.ts';
import { parseAppsScriptPayload } from '../../intake/payloads.ts';
import { sameOrigin } from '../console/session.ts';
import { Layout } from '../ui/layout.tsx';
import { sayer } from '../ui/strings.ts';
import { DASHBOARD_CSS } from '../ui/styles.ts';

/**
 * Local mode's stand-in for the Google Form (GET /daftar): the same questions, posted through the same
 * archive-then-validate path as the Apps Script push, so a newcomer can try the whole flow by hand.
 * Off (404) unless the composition root says `localForm` (local mode only).
 */
export const registerRoutes = new Hono<AppEnv>();

registerRoutes.use('*', async (c, next) => {
  if (!c.get('services').localForm) {
    throw new AppError('not_found', bilingual('error.pageNotFound'));
  }
  await next();
});

const LONG: ReadonlySet<SubmissionField> = new Set([
  'summary',
  'background',
  'novelty',
  'implementation',
  'significance',
  'adaptability',
  'resources',
  'sustainability',
]);
const REQUIRED: ReadonlySet<SubmissionField> = new Set(['title', 'agency', 'region', 'category']);

interface Question {
  field: SubmissionField;
  /** The question's title on the Form: what is posted, and what the config maps. */
  title: string;
}

/** The Form's questions in field order: the config's titles (the first when it lists several). */
function questions(competition: Competition): Question[] {
  return SUBMISSION_FIELDS.flatMap((field) => {
    const ref = competition.form ? competition.form.fields[field] : field;
    const title = Array.isArray(ref) ? ref[0] : ref;
    return title === undefined ? [] : [{ field, title }];
  });
}

/** The answers a category question offers: the Form's own texts when the config lists them. */
function categoryOptions(competition: Competition): string[] {
  const answers = Object.keys(competition.form?.categoryAnswers ?? {});
  return answers.length > 0 ? answers : competition.categories.map((c) => c.name);
}

export const REGISTER_CSS = `
.daftar{max-width:42rem}
.daftar label{margin:1rem 0 .25rem}
.daftar input,.daftar select,.daftar textarea{font:inherit;width:100%;padding:.45rem;border:2px solid #4a5560;border-radius:.375rem}
.daftar textarea{min-height:6rem}
.daftar .req{color:#b42318}
.daftar .hint{font-size:.875rem;color:#4a5560;margin:.15rem 0 0}
.daftar button{margin-top:1.25rem}
.daftar .bad{border-color:#b42318}
`;

function Field(props: {
  q: Question;
  competition: Competition;
  value: string;
  error: string | undefined;
  lang: Lang;
  consentText: string;
}) {
  const { q, competition, value, error } = props;
  const id = `f-${q.field}`;
  const common = {
    id,
    name: q.title,
    ...(REQUIRED.has(q.field) ? { required: true } : {}),
    ...(error ? { class: 'bad', 'aria-invalid': 'true', 'aria-describedby': `${id}-e` } : {}),
  };
  const control = () => {
    if (q.field === 'region' || q.field === 'category') {
      const options = q.field === 'region' ? competition.regions : categoryOptions(competition);
      return (
        <select {...common}>
          <option value="">—</option>
          {options.map((o) => (
            <option value={o} selected={o === value}>
              {o}
            </option>
          ))}
        </select>
      );
    }
    if (LONG.has(q.field)) return <textarea {...common}>{value}</textarea>;
    if (q.field === 'consent') {
      // The Form asks this as a yes/no question; a checkbox posts the "yes" the intake reads.
      return (
        <p>
          <input type="checkbox" value={props.consentText} checked={value !== ''} {...common} />{' '}
          <label for={id} class="inline">
            {props.consentText}
          </label>
        </p>
      );
    }
    const type =
      q.field === 'contactEmail'
        ? 'email'
        : q.field === 'contactPhone'
          ? 'tel'
          : q.field === 'startYear'
            ? 'number'
            : 'text';
    return <input type={type} value={value} {...common} />;
  };
  return (
    <div>
      <label for={id}>
        {q.title}
        {props.lang === 'en' ? ` (${FIELD_NAMES[q.field].en})` : ''}
        {REQUIRED.has(q.field) ? <span class="req"> *</span> : null}
      </label>
      {control()}
      {error ? (
        <p class="hint" id={`${id}-e`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function RegisterPage(props: {
  competition: Competition;
  lang: Lang;
  values: Record<string, string>;
  reasons: readonly Issue[];
  accepted?: string | undefined;
  /** Whether the intake window takes a registration now; a closed form shows no fields at all. */
  window: IntakeState;
  /** Another competition of the deployment whose form takes registrations now, when there is one. */
  openForm?: OpenForm | undefined;
}) {
  const { competition, lang } = props;
  const t = sayer(lang);
  const byField = new Map<string, string>();
  for (const r of props.reasons) byField.set(r.path, issueText(r, lang));
  const general = props.reasons.filter((r) => !SUBMISSION_FIELDS.includes(r.path as SubmissionField));
  const titles = new Map(questions(competition).map((q) => [q.field as string, q.title]));
  const fieldErrors = [...byField].filter(([field]) => titles.has(field));
  return (
    <Layout
      lang={lang}
      title={t('registerTitle')}
      org={competition.organizer}
      css={DASHBOARD_CSS + REGISTER_CSS}
      path="/daftar"
      noindex
    >
      <div class="card daftar">
        <h1>{t('registerTitle')}</h1>
        {props.window !== 'open' ? (
          <WindowNotice
            competition={competition}
            lang={lang}
            window={props.window}
            openForm={props.openForm}
          />
        ) : (
          <>
            <p class="muted">{t('registerIntro')}</p>
            {props.accepted ? (
              <p class="notice" role="status">
                {t('registerAccepted', { id: props.accepted })}
              </p>
            ) : null}
            {props.reasons.length > 0 ? (
              <div class="notice err" role="alert" id="kesalahan" tabindex={-1}>
                <p>
                  {t('registerRejected', { n: props.reasons.length })}
                  {general.map((r) => ` ${issueText(r, lang)}`).join('')}
                </p>
                {fieldErrors.length > 0 ? (
                  <ul>
                    {fieldErrors.map(([field, text]) => (
                      <li>
                        <a href={`#f-${field}`}>{titles.get(field)}</a>: {text}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </div>
            ) : null}
            <RegisterForm {...props} byField={byField} />
          </>
        )}
      </div>
    </Layout>
  );
}

function WindowNotice(props: {
  competition: Competition;
  lang: Lang;
  window: IntakeState;
  openForm: OpenForm | undefined;
}) {
  const { competition, lang } = props;
  const t = sayer(lang);
  const intake = competition.intake;
  if (!intake) return null;
  const closed = props.window === 'closed';
  const local = closed ? intake.closesAt : intake.opensAt;
  // A bare day reads as that day ("until 15 November" includes its evening), a time as that instant.
  const when = local.includes('T')
    ? formatInstant(
        timelineInstant(local, competition.timezone, closed).toISOString(),
        competition.timezone,
        lang,
      )
    : formatLongDate(local, lang);
  return (
    <div class="notice" role="status">
      <p>{t(closed ? 'registerClosed' : 'registerNotYet', { when })}</p>
      {props.openForm ? (
        <p>
          {t('registerOpenElsewhere')} <a href={props.openForm.path}>{props.openForm.name}</a>
        </p>
      ) : null}
      {closed ? <p class="muted">{t('registerClosedHint')}</p> : null}
    </div>
  );
}

function RegisterForm(props: {
  competition: Competition;
  lang: Lang;
  values: Record<string, string>;
  byField: ReadonlyMap<string, string>;
}) {
  const { competition, lang, byField } = props;
  const t = sayer(lang);
  return (
    <form method="post" action="/daftar">
      {questions(competition).map((q) => (
        <Field
          q={q}
          competition={competition}
          value={props.values[q.title] ?? ''}
          error={byField.get(q.field)}
          lang={lang}
          consentText={t('registerConsent')}
        />
      ))}
      <button type="submit">{t('registerSend')}</button>
    </form>
  );
}

interface OpenForm {
  name: string;
  path: string;
}

/** The newest other competition whose registration is open now: a closed form points there. */
function openElsewhere(c: Context<AppEnv>): OpenForm | undefined {
  const { competition, clock } = c.get('services');
  const open = newestFirst(c.get('deployment')).find(
    (s) => s.competition.id !== competition.id && intakeState(s.competition, clock.now()) === 'open',
  );
  return open
    ? {
        name: localName(open.competition, c.get('lang')),
        path: `/${encodeURIComponent(open.competition.id)}/daftar`,
      }
    : undefined;
}

function render(c: Context<AppEnv>, body: ReturnType<typeof RegisterPage>, status: 200 | 422 = 200) {
  c.header('cache-control', 'no-store');
  return c.html(html`<!doctype html>${body}`, status);
}

registerRoutes.get('/', (c) => {
  const accepted = c.req.query('diterima');
  return render(
    c,
    <RegisterPage
      competition={c.get('services').competition}
      lang={c.get('lang')}
      values={{}}
      reasons={[]}
      accepted={accepted && /^[A-Z0-9-]{1,40}$/.test(accepted) ? accepted : undefined}
      window={intakeState(c.get('services').competition, c.get('services').clock.now())}
      openForm={openElsewhere(c)}
    />,
  );
});

const limit = bodyLimit({
  maxSize: 256 * 1024,
  onError: () => {
    throw new AppError('bad_request', bilingual('error.payloadTooLarge'));
  },
});

/**
 * Builds the payload the Apps Script trigger would send for these answers, archives it first, and runs
 * the same validation and storage as POST /intake/form; then redirects (accepted) or shows the reasons.
 */
registerRoutes.post('/', sameOrigin(), limit, async (c) => {
  const services = c.get('services');
  const form = await c.req.parseBody();
  const values: Record<string, string> = {};
  for (const q of questions(services.competition)) {
    const v = form[q.title];
    if (typeof v === 'string' && v.trim() !== '') values[q.title] = v;
  }
  const responseId = `local-${crypto.randomUUID()}`;
  const body = JSON.stringify({
    responseId,
    timestamp: services.clock.now().toISOString(),
    answers: Object.entries(values).map(([title, v]) => ({ title, values: [v] })),
  });
  const delivery = { source: 'local' as const, body, json: JSON.parse(body) };
  const result = await ingestSubmission(services, delivery, parseAppsScriptPayload);
  if (result.outcome !== 'rejected' && result.innovationId) {
    return c.redirect(`/daftar?diterima=${encodeURIComponent(result.innovationId)}`, 303);
  }
  return render(
    c,
    <RegisterPage
      competition={services.competition}
      lang={c.get('lang')}
      values={values}
      reasons={result.reasons ?? []}
      window={intakeState(services.competition, services.clock.now())}
      openForm={openElsewhere(c)}
    />,
    422,
  );
});
