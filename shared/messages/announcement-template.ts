import { announcedEntries, type Winner } from '../domain/announcement.ts';
import { type Competition, finalTop, type RecordCompetition } from '../domain/competition.ts';
import { type Bilingual, fill, type Lang, localName } from '../domain/i18n.ts';
import type { Innovation } from '../domain/innovation.ts';
import type { CompetitionResult, StageResult } from '../domain/ranking.ts';
import {
  announcedFinal,
  type LegacyRecordBody,
  type ResultRecordBody,
  representationOf,
  TEXT_TEMPLATE,
} from '../domain/record.ts';
import type { RepresentationOutcome } from '../domain/representation.ts';
import { decidedRanking } from '../domain/ties.ts';
import { formatLongDate } from './moments.ts';
import { scoreText } from './numbers.ts';
import { throughQuotaText } from './representation.ts';

/** A winner as the announcement shows them: the record's facts, worded for one language. */
export interface AnnouncedEntry {
  rank: number;
  id: string;
  title: string;
  agency: string;
  region: string;
  /** The category's name in the language asked for. */
  category: string;
  score: number;
  scoreText: string;
  tie: boolean;
  summary: string;
  /** "masuk melalui kuota 3T": a winner the representation rules let in through a minimum. */
  quota?: string;
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

/**
 * The words of an announcement. `title` and `intro` take {top} and {name}; `line` takes {rank}, {tie}
 * (the `tieMark` when the rank is shared, else nothing), {title}, {agency}, {region} and {score}.
 * The text is: title, date, a blank line, intro, one line per winner, and (with a shared rank) a blank
 * line and the tie note.
 */
export interface AnnouncementTemplate {
  title: Bilingual;
  intro: Bilingual;
  line: Bilingual;
  tieMark: string;
  tieNote: Bilingual;
}

/**
 * Every template a record may name (`textTemplate`). A published template's words never change: new
 * wording is a new version, so that each record's text reads as it did. `juri-text/1` is also the text
 * a juri-record/1 hashed, which its verification still compares.
 */
export const ANNOUNCEMENT_TEMPLATES: Record<string, AnnouncementTemplate> = {
  'juri-text/1': {
    title: { id: 'Pengumuman Top {top} {name}', en: 'Top {top} of the {name}' },
    intro: {
      id: 'Dewan juri {name} menetapkan {top} inovasi pelayanan publik terbaik sebagai berikut:',
      en: 'The panel of jurors of the {name} announces the {top} best public-service innovations:',
    },
    line: {
      id: '{rank}.{tie} {title} — {agency}, {region} — nilai {score}',
      en: '{rank}.{tie} {title} — {agency}, {region} — score {score}',
    },
    tieMark: ' (=)',
    tieNote: {
      id: 'Inovasi bertanda (=) memiliki nilai sama; dewan juri memutuskan urutannya.',
      en: 'Entries marked (=) share a rank; the panel decides between them.',
    },
  },
};

type AnnouncedCompetition = Pick<
  Competition | RecordCompetition,
  'name' | 'nameEn' | 'announceAt' | 'categories' | 'final' | 'stages'
>;
type AnnouncedInnovation = Pick<Innovation, 'id' | 'title' | 'agency' | 'region' | 'category' | 'summary'>;
type ScoreText = (winner: Winner, lang: Lang) => string;

export interface RenderOptions {
  /** The template version; the one new records name by default. */
  template?: string;
  /** How a winner's score is printed; the display rule's formatter by default. */
  scoreText?: ScoreText;
  /** How the representation rules chose the winners (record.ts `representationOf`); absent: the top places. */
  representation?: RepresentationOutcome | undefined;
}

/** The announcement of a final ranking (ties decided or not), worded by a template. */
export function buildAnnouncement(
  competition: AnnouncedCompetition,
  final: StageResult,
  innovations: readonly AnnouncedInnovation[],
  lang: Lang,
  options: RenderOptions = {},
): Announcement {
  const template = templateOf(options.template ?? TEXT_TEMPLATE);
  const printed = options.scoreText ?? scoreText;
  const top = finalTop(competition);
  const byId = new Map(innovations.map((i) => [i.id, i]));
  const categories = new Map(competition.categories.map((c) => [c.id, localName(c, lang)]));
  const chosen = options.representation?.selected;
  const quotas = new Map(chosen?.flatMap((s) => (s.quota ? [[s.id, s.quota] as const] : [])));
  const selected = chosen && new Set(chosen.map((s) => s.id));
  const entries: AnnouncedEntry[] = announcedEntries(final, top, selected).map((w) => {
    const innovation = byId.get(w.id);
    const quota = quotas.get(w.id);
    return {
      ...(quota ? { quota: throughQuotaText(quota, competition, lang) } : {}),
      ...w,
      title: innovation?.title ?? w.id,
      agency: innovation?.agency ?? '',
      region: innovation?.region ?? '',
      category: categories.get(innovation?.category ?? '') ?? innovation?.category ?? '',
      scoreText: printed(w, lang),
      summary: innovation?.summary ?? '',
    };
  });
  const name = localName(competition, lang);
  const title = fill(template.title[lang], { top, name });
  const date = formatLongDate(competition.announceAt, lang);
  const intro = fill(template.intro[lang], { top, name });
  const tieNote = entries.some((e) => e.tie) ? template.tieNote[lang] : null;
  const lines = entries.map((e) =>
    fill(template.line[lang], {
      rank: e.rank,
      tie: e.tie ? template.tieMark : '',
      title: e.title,
      agency: e.agency,
      region: e.region,
      score: e.scoreText,
    }),
  );
  const text = [title, date, '', intro, ...lines, ...(tieNote ? ['', tieNote] : [])].join('\n');
  return { title, date, intro, entries, tieNote, text };
}

/** A fixed record's announcement, rendered from its facts by the template it names. */
export function recordAnnouncement(
  record: ResultRecordBody,
  lang: Lang,
  options: Omit<RenderOptions, 'template'> = {},
): Announcement {
  const template = record.format === 'juri-record/1' ? LEGACY_TEMPLATE : record.textTemplate;
  return buildAnnouncement(record.competition, announcedFinal(record), record.innovations, lang, {
    ...options,
    template,
    representation: representationOf(record),
  });
}

const LEGACY_TEMPLATE = 'juri-text/1';

/**
 * The announcement text a juri-record/1 hashed, as the juri of its day rendered it from `computed`: the
 * `juri-text/1` words, and the score printed from its binary floating-point value (toFixed, which is not
 * always half-up: 90.445 printed as "90,44"). Frozen: `juri verify` compares old records with it.
 */
export function legacyAnnouncementTexts(
  record: LegacyRecordBody,
  computed: CompetitionResult,
): { id: string; en: string } {
  const final = decidedRanking(computed.final, finalTop(record.competition), record.tieDecisions);
  const render = (lang: Lang) =>
    buildAnnouncement(record.competition, final, record.innovations, lang, {
      template: LEGACY_TEMPLATE,
      scoreText: legacyScoreText,
    }).text;
  return { id: render('id'), en: render('en') };
}

function legacyScoreText(w: Winner, lang: Lang): string {
  const digits = w.score.toFixed(2);
  return lang === 'id' ? digits.replace('.', ',') : digits;
}

/** A template this juri does not know (a record from a newer juri) is worded with the current one. */
function templateOf(version: string): AnnouncementTemplate {
  return ANNOUNCEMENT_TEMPLATES[version] ?? (ANNOUNCEMENT_TEMPLATES[TEXT_TEMPLATE] as AnnouncementTemplate);
}
