import { type Competition, finalTop } from './competition.ts';
import { formatLongDate, zonedToInstant } from './dates.ts';
import { type Lang, localName } from './i18n.ts';
import type { Innovation } from './innovation.ts';
import { scoreText } from './numbers.ts';
import type { CompetitionResult, StageResult } from './ranking.ts';

export interface AnnouncedEntry {
  rank: number;
  id: string;
  title: string;
  agency: string;
  region: string;
  category: string;
  score: number;
  scoreText: string;
  tie: boolean;
  summary: string;
}

export interface Announcement {
  title: string;
  date: string;
  intro: string;
  entries: AnnouncedEntry[];
  /** Said when some winners share a rank and the panel still has to decide. */
  tieNote: string | null;
  /** Plain text, as read out and as written to the "Pengumuman" tab. */
  text: string;
}

/** The ranking may be shown from this instant on (announceAt in the competition's time zone). */
export function announcementInstant(competition: Competition): Date {
  return zonedToInstant(competition.announceAt, competition.timezone);
}

export function isAnnounced(competition: Competition, now: Date): boolean {
  return now.getTime() >= announcementInstant(competition).getTime();
}

/**
 * Ready once judging is over: every innovation of every stage and of the final ranking is complete.
 * Before that, who advanced (and so who can win) may still change.
 */
export function judgingIsComplete(result: CompetitionResult): boolean {
  const done = (s: StageResult) => s.ranking.length > 0 && s.ranking.every((e) => e.status === 'complete');
  return result.stages.every(done) && done(result.final);
}

export function buildAnnouncement(
  competition: Competition,
  final: StageResult,
  innovations: readonly Innovation[],
  lang: Lang,
): Announcement {
  const top = finalTop(competition);
  const byId = new Map(innovations.map((i) => [i.id, i]));
  const categories = new Map(competition.categories.map((c) => [c.id, localName(c, lang)]));
  const entries: AnnouncedEntry[] = final.ranking
    .filter((e) => e.rank !== null && e.rank <= top && e.score !== null)
    .map((e) => {
      const innovation = byId.get(e.id);
      const score = e.score ?? 0;
      return {
        rank: e.rank ?? 0,
        id: e.id,
        title: innovation?.title ?? e.id,
        agency: innovation?.agency ?? '',
        region: innovation?.region ?? '',
        category: categories.get(innovation?.category ?? '') ?? innovation?.category ?? '',
        score,
        scoreText: scoreText(e, lang),
        tie: e.tie,
        summary: innovation?.summary ?? '',
      };
    });
  const name = localName(competition, lang);
  const title = lang === 'en' ? `Top ${top} of the ${name}` : `Pengumuman Top ${top} ${name}`;
  const date = formatLongDate(competition.announceAt, lang);
  const intro =
    lang === 'en'
      ? `The panel of jurors of the ${name} announces the ${top} best public-service innovations:`
      : `Dewan juri ${name} menetapkan ${top} inovasi pelayanan publik terbaik sebagai berikut:`;
  const tieNote = entries.some((e) => e.tie)
    ? lang === 'en'
      ? 'Entries marked (=) share a rank; the panel decides between them.'
      : 'Inovasi bertanda (=) memiliki nilai sama; dewan juri memutuskan urutannya.'
    : null;
  const lines = entries.map(
    (e) =>
      `${e.rank}.${e.tie ? ' (=)' : ''} ${e.title} — ${e.agency}, ${e.region} — ${lang === 'en' ? 'score' : 'nilai'} ${e.scoreText}`,
  );
  const text = [title, date, '', intro, ...lines, ...(tieNote ? ['', tieNote] : [])].join('\n');
  return { title, date, intro, entries, tieNote, text };
}
