/** The Berita Acara's building blocks, shared by the document, its appendices, the page and the Sheet's tab. */

/**
 * A table cell: text, or a name a person typed (a title, an agency) with the words around it, so that a
 * page can isolate the name (`<bdi>`): right-to-left letters in it cannot reorder an id or a region.
 */
export type BaCell = string | { lead?: string; name: string; tail?: string };

/** A cell as plain text (the Sheet's tab): "INOV-2024-001 · Judul". */
export function cellText(cell: BaCell): string {
  return typeof cell === 'string' ? cell : `${cell.lead ?? ''}${cell.name}${cell.tail ?? ''}`;
}

export type BaBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'para'; text: string; small?: boolean }
  | { kind: 'table'; header: string[]; rows: BaCell[][]; compact?: boolean }
  | { kind: 'signatures'; place: string; rows: { role: string; name: string; affiliation: string }[] };
