import type { Competition } from '../../../shared/domain/competition.ts';
import { type Lang, localName } from '../../../shared/domain/i18n.ts';
import { formatLocalMoment } from '../../../shared/messages/moments.ts';
import type { PublicAnnouncement } from '../../announce/routes.ts';
import { sayer } from '../ui/strings.ts';

/** The size link previews ask for (1.91 : 1). */
export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
/** Long titles are cut so that the score always shows. */
const TITLE_MAX = 58;

function xml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

/**
 * The link preview's picture: the Top 10 of the version the announcement shows, drawn from the same
 * published view (functions/announce/routes.ts), so it prints the same digits as the page. Plain SVG
 * text made at request time: no font, no network. Before the announcement, or for a version that fails
 * its integrity check, only the competition's name and what the page says instead.
 */
export function announcementCard(
  competition: Competition,
  announcement: PublicAnnouncement,
  lang: Lang,
): string {
  const t = sayer(lang);
  const name = localName(competition, lang);
  const lines: string[] = [];
  let y = 150;
  if (announcement.status === 'announced') {
    for (const e of announcement.entries.slice(0, 10)) {
      const rank = `${e.rank}${e.tie ? '=' : ''}`;
      lines.push(
        `<text x="64" y="${y}" class="r">${xml(rank)}</text>`,
        `<text x="128" y="${y}"><tspan unicode-bidi="isolate">${xml(clip(e.title, TITLE_MAX))}</tspan></text>`,
        `<text x="1136" y="${y}" class="s">${xml(e.scoreText)}</text>`,
      );
      y += 44;
    }
  } else {
    const text = announcement.status === 'invalid' ? t('invalidTitle') : t('notYet');
    lines.push(`<text x="64" y="${y + 40}" class="big">${xml(text)}</text>`);
  }
  const foot =
    announcement.status === 'announced'
      ? `${t('scoreOf100')} · ${t('verificationCode')} ${announcement.code} · ${formatLocalMoment(announcement.decidedOn, competition.timezone, lang)}`
      : competition.organizer;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}" role="img" aria-label="${xml(name)}">`,
    '<style>text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:28px;fill:#1b1f24}.h{font-size:40px;font-weight:700;fill:#fff}.r{font-weight:700;fill:#8a5a00}.s{text-anchor:end;font-weight:700}.f{font-size:22px;fill:#4a5560}.big{font-size:44px}</style>',
    `<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" fill="#f6f7f9"/>`,
    `<rect width="${CARD_WIDTH}" height="96" fill="#0b4f6c"/>`,
    `<text x="64" y="62" class="h">${xml(clip(name, 52))}</text>`,
    ...lines,
    `<text x="64" y="${CARD_HEIGHT - 28}" class="f">${xml(clip(foot, 96))}</text>`,
    '</svg>',
  ].join('');
}
