import type { Lang } from '../../../shared/domain/i18n.ts';
import { Layout } from '../ui/layout.tsx';
import { sayer } from '../ui/strings.ts';
import { DASHBOARD_CSS } from '../ui/styles.ts';
import { SESSION_HOURS } from './session.ts';

/** One shared secretariat account: the admin token is the password. */
export function LoginPage(props: { lang: Lang; error?: 'failed' | 'unset'; message?: string }) {
  const t = sayer(props.lang);
  return (
    <Layout
      lang={props.lang}
      title={t('loginTitle')}
      org={t('secretariat')}
      css={DASHBOARD_CSS}
      path="/sekretariat/masuk"
      noindex
    >
      <div class="card login">
        <h1>{t('loginTitle')}</h1>
        {props.error || props.message ? (
          <p class="notice err" role="alert">
            {props.message ?? t(props.error === 'unset' ? 'loginUnset' : 'loginFailed')}
          </p>
        ) : null}
        <p>{t('loginIntro', { hours: SESSION_HOURS })}</p>
        <form method="post" action="/sekretariat/masuk">
          <label for="token">{t('token')}</label>
          <input
            type="password"
            id="token"
            name="token"
            required
            autocomplete="current-password"
            autofocus={props.error !== undefined || props.message !== undefined}
          />
          <button type="submit">{t('login')}</button>
        </form>
      </div>
    </Layout>
  );
}
