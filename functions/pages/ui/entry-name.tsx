import type { Innovation } from '../../../shared/domain/innovation.ts';

/** Entry titles by id, for the tables that know an entry only by its id. */
export type Titles = ReadonlyMap<string, string>;

export function titlesOf(innovations: readonly Innovation[]): Titles {
  return new Map(innovations.map((i) => [i.id, i.title]));
}

/** "Title (INOV-2024-003)": how a person reads an entry, the title isolated; the id alone when unknown. */
export function EntryName({ id, titles }: { id: string; titles: Titles }) {
  const title = titles.get(id);
  return title ? (
    <>
      <bdi>{title}</bdi> ({id})
    </>
  ) : (
    <>{id}</>
  );
}

/*
 * A sentence from shared/messages names its entries by id; the page needs each title in its own <bdi>,
 * so the sentence carries a marked id (entryMark) and EntrySentence draws each mark as an EntryName.
 * The marks are private-use characters, which no entry id or message holds.
 */
const MARK = /\uE000([^\uE001]*)\uE001/;

/** An entry's id, marked for EntrySentence. */
export const entryMark = (id: string): string => `\uE000${id}\uE001`;

/** A sentence whose marked ids (entryMark) become "Title (INOV-2024-003)", each title isolated. */
export function EntrySentence({ text, titles }: { text: string; titles: Titles }) {
  // split() with a capturing group gives text, id, text, id, …: the odd places are ids.
  const parts = text.split(MARK);
  return <>{parts.map((part, i) => (i % 2 === 1 ? <EntryName id={part} titles={titles} /> : part))}</>;
}
