import { verificationCode } from '../../../shared/domain/record.ts';
import { formatInstant, zoneName } from '../../../shared/messages/moments.ts';
import { sayer } from '../ui/strings.ts';
import { ConsoleLayout } from './console-layout.tsx';
import type { ConsoleData } from './console-pages.tsx';
import { ConsoleLinks } from './dashboard-status.tsx';

/** Pengaturan: the links, the downloads and what can be checked from the store (the rest: `juri doctor`). */
export function PengaturanPage(d: ConsoleData) {
  const { competition, lang, sync } = d;
  const t = sayer(lang);
  const zone = `${competition.timezone} (${zoneName(competition.timezone)})`;
  const latest = d.versions.at(-1);
  return (
    <ConsoleLayout
      competition={competition}
      lang={lang}
      page="pengaturan"
      phase={d.lifecycle.phase}
      switcher={d.switcher}
    >
      <section class="card" id="unduhan" aria-labelledby="h-unduhan">
        <h2 id="h-unduhan">{t('exportsTitle')}</h2>
        <p class="act">
          <a class="btn" href="/sekretariat/ekspor/peringkat.xlsx" data-main-action="">
            {t('exportRankingsXlsx')}
          </a>
          <a href="/sekretariat/ekspor/peringkat.csv">{t('exportRankings')} (.csv)</a>
          <a href="/sekretariat/ekspor/inovasi.xlsx">{t('exportEntries')} (.xlsx)</a>
          <a href="/sekretariat/ekspor/inovasi.csv">{t('exportEntries')} (.csv)</a>
        </p>
        <p class="muted">{t('exportsTimes', { zone })}</p>
      </section>
      <section class="card" id="tautan" aria-labelledby="h-tautan">
        <h2 id="h-tautan">{t('linksTitle')}</h2>
        <ConsoleLinks competition={competition} lang={lang} links={d.links} />
      </section>
      <section class="card" id="pemeriksaan" aria-labelledby="h-pemeriksaan">
        <h2 id="h-pemeriksaan">{t('doctorTitle')}</h2>
        <ul>
          <li>{t('timeZoneLine', { zone })}</li>
          <li>
            {d.tampered !== null ? (
              <span role="alert">{t('integrityAlarm', { n: d.tampered })}</span>
            ) : latest ? (
              <>
                {t('checkIntegrityOk')} <code>{verificationCode(latest.hash)}</code>
              </>
            ) : (
              t('checkNoVersion')
            )}
          </li>
          <li>
            {t('checkLastSync')}:{' '}
            {sync ? formatInstant(sync.finishedAt, competition.timezone, lang) : t('neverSynced')}
          </li>
        </ul>
        <p>{t('doctorIntro')}</p>
        <pre>
          <code>npx juri doctor</code>
        </pre>
      </section>
    </ConsoleLayout>
  );
}
