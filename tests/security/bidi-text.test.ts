import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/app.ts';
import { openSqliteStore } from '../../infra/local/sqlite-store.ts';
import { parseCompetition } from '../../shared/domain/competition.ts';
import { cleanText, singleLineText } from '../../shared/domain/text.ts';
import { fixedClock, NTT_2024_PATH, testServices } from '../helpers/services.ts';
import { NOW } from '../intake/harness.ts';
import { appsScriptBody, CID, postIntake } from './helpers.ts';

/** Issue 20, probe 6: what makes a title display reversed, or look like another. */
const RLO = '\u202E';
const PDF = '\u202C';
const RLI = '\u2067';
const PDI = '\u2069';
const LRE = '\u202A';
const ZWSP = '\u200B';
const ZWNJ = '\u200C';
const ZWJ = '\u200D';
const WJ = '\u2060';
const LRM = '\u200E';
const RLM = '\u200F';
const ALM = '\u061C';
const BOM = '\uFEFF';
const SHY = '\u00AD';
const HANGUL_FILLER = '\u3164';
const FAMILY = `👩${ZWJ}👩${ZWJ}👧`;

describe('cleanText (every text, free text included)', () => {
  it('drops the controls that reorder what follows them, and a byte-order mark inside text', () => {
    expect(cleanText(`Layanan ${RLO}gnapuK${PDF} Cepat`)).toBe('Layanan gnapuK Cepat');
    expect(cleanText(`A${RLI}B${PDI}C${LRE}D${BOM}E\u2066F\u2068G\u206AH\uFFF9I`)).toBe('ABCDEFGHI');
  });

  it('keeps what a language needs in free text: joiners, zero-width space, word joiner, marks', () => {
    const persian = `می${ZWNJ}خواهم`;
    const hindi = `क्${ZWJ}ष`;
    for (const text of [persian, hindi, FAMILY, `a${ZWSP}b${WJ}c`, `(${LRM}x${RLM})${ALM}`, `Hy${SHY}phen`]) {
      expect(cleanText(text)).toBe(text);
    }
  });
});

describe('singleLineText (titles, agencies, names, regions, ids)', () => {
  it('drops every invisible character and makes each run of spaces or line breaks one space', () => {
    const forged = `${ZWSP}SIGAP${ZWJ} ${RLO}Kupang${PDF}${LRM}\u00A0\u2003 Jemput${SHY}Bola\n\u2028${HANGUL_FILLER} ${BOM}`;
    expect(singleLineText(forged)).toBe('SIGAP Kupang JemputBola');
    expect(singleLineText(`${ZWSP}${RLO}${HANGUL_FILLER}\t`)).toBe('');
    // An emoji sequence in a title comes apart into its emoji: visible, and nothing can hide behind it.
    expect(singleLineText(`Posyandu ${FAMILY}`)).toBe('Posyandu 👩👩👧');
    // An accent split from its letter by a joiner is composed again.
    expect(singleLineText(`Se${ZWJ}\u0301`)).toBe('Sé');
  });

  it('is stable: cleaning twice changes nothing', () => {
    for (const text of ['SIGAP Kupang', `  a \u0007 b  `, `x${ZWSP} y`, `Se${ZWJ}\u0301 ${RLO}`]) {
      const once = singleLineText(text);
      expect(singleLineText(once)).toBe(once);
    }
  });
});

describe('at intake', () => {
  const store = openSqliteStore(':memory:');
  afterAll(() => store.close());

  it('stores a forged title, agency and contact as single lines, and free text with its joiners', async () => {
    const app = createApp(() => testServices({ store, clock: fixedClock(NOW.toISOString()) }));
    const res = await postIntake(
      app,
      appsScriptBody(`resp${ZWSP}-bidi`, {
        'Judul Inovasi': `${RLO}SIGAP${PDF} ${ZWSP}Kupang`,
        'Nama Perangkat Daerah / BUMD': `Dinas${ZWJ} Dukcapil\n${RLI}Kupang${PDI}`,
        'Nama Narahubung': `Maria${ZWNJ} Seran${LRM}`,
        'Latar Belakang dan Tujuan': `Nama lain: می${ZWNJ}خواهم ${FAMILY}\nbaris dua ${RLO}x`,
      }),
    );
    expect(res.status).toBe(201);
    const [stored] = await store.competition(CID).innovations.listInnovations();
    expect(stored?.responseId).toBe('resp-bidi');
    expect(stored?.title).toBe('SIGAP Kupang');
    expect(stored?.agency).toBe('Dinas Dukcapil Kupang');
    expect(stored?.details?.contactName).toBe('Maria Seran');
    expect(stored?.details?.background).toBe(`Nama lain: می${ZWNJ}خواهم ${FAMILY}\nbaris dua x`);
  });

  it('refuses a title of invisible characters only, as an empty one', async () => {
    const app = createApp(() => testServices({ store, clock: fixedClock(NOW.toISOString()) }));
    const res = await postIntake(
      app,
      appsScriptBody('resp-invisible', { 'Judul Inovasi': `${ZWSP}${RLO}${WJ}` }),
    );
    expect(res.status).toBe(422);
    const { error } = (await res.json()) as { error: { fields: { field: string; message: string }[] } };
    expect(error.fields).toContainEqual({ field: 'title', message: 'wajib diisi' });
  });
});

describe('in the competition config', () => {
  it('reads names, places and ids as single lines', () => {
    const raw = JSON.parse(readFileSync(NTT_2024_PATH, 'utf8'));
    raw.jurors[0].name = `${RLO}Dr. Yohanes${PDF}  Bala`;
    raw.place = `Ku${ZWSP}pang`;
    raw.categories[0].name = `${LRM}Kabupaten/Kota`;
    const parsed = parseCompetition(raw);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    expect(parsed.value.jurors[0]?.name).toBe('Dr. Yohanes Bala');
    expect(parsed.value.place).toBe('Kupang');
    expect(parsed.value.categories[0]?.name).toBe('Kabupaten/Kota');
  });
});
