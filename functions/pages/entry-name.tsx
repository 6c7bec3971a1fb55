import type { Innovation } from '../../shared/domain/innovation.ts';

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
