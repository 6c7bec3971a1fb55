import { posix } from 'node:path';
import JSZip from 'jszip';
import '../jszip-utf8.ts';

/** Why a file is not a workbook juri can read, in words a person can act on. */
export type Unreadable = 'not-a-package' | 'no-workbook' | 'damaged';

export class UnreadableWorkbook extends Error {
  readonly kind: Unreadable;
  constructor(kind: Unreadable, options?: { cause?: unknown }) {
    // The kind is a code: workbook-file.ts words it for the person (adapter.unreadable* in the catalogue).
    super(kind, options);
    this.name = 'UnreadableWorkbook';
    this.kind = kind;
  }
}

const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const RELATIONSHIP = /<Relationship\b[^>]*>/g;
const TARGET = /\bTarget\s*=\s*("[^"]*"|'[^']*')/;
const WORKSHEET_RELS = 'xl/worksheets/_rels/';

/**
 * The names exceljs finds a tab's notes under: comments and their drawing are matched by part name
 * (xl/comments1.xml, xl/drawings/vmlDrawing1.vml), whatever the link says.
 */
const NOTE_PARTS: Record<string, { named: RegExp; name: (n: number) => string }> = {
  [`${RELATIONSHIPS}/comments`]: { named: /^xl\/comments\d+\.xml$/, name: (n) => `xl/comments${n}.xml` },
  [`${RELATIONSHIPS}/vmlDrawing`]: {
    named: /^xl\/drawings\/vmlDrawing\d+\.vml$/,
    name: (n) => `xl/drawings/vmlDrawing${n}.vml`,
  },
};

/**
 * The .xlsx as exceljs can load it. exceljs finds a part only under the names Excel gives it
 * (xl/comments1.xml, linked as ../comments1.xml); openpyxl links its parts by absolute names
 * (/xl/comments/comment1.xml), and exceljs then fails on the first comment. So: every absolute link is
 * made relative, and a tab's notes that sit under other names are moved to Excel's names (the criterion
 * notes on the juror tabs are juri's, and a save by another program must not lose them). A note linked
 * to a part that is not there is dropped. A package that needs none of this is returned as it came.
 */
export async function loadablePackage(bytes: Uint8Array): Promise<Uint8Array> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (cause) {
    throw new UnreadableWorkbook('not-a-package', { cause });
  }
  if (!zip.file('xl/workbook.xml')) throw new UnreadableWorkbook('no-workbook');
  const moves = new Map<string, string>();
  const taken = new Set(Object.keys(zip.files));
  let changed = false;
  for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.rels'))) {
    const text = await zip.file(name)?.async('string');
    if (text === undefined) continue;
    const fixed = relativeLinks(name, text, (part, type) => {
      const naming = name.startsWith(WORKSHEET_RELS) ? NOTE_PARTS[type] : undefined;
      if (!naming) return part;
      if (!zip.file(part)) return null;
      if (naming.named.test(part)) return part;
      let n = 1;
      while (taken.has(naming.name(n))) n += 1;
      const moved = naming.name(n);
      taken.add(moved);
      moves.set(part, moved);
      return moved;
    });
    if (fixed !== text) {
      zip.file(name, fixed);
      changed = true;
    }
  }
  for (const [from, to] of moves) {
    zip.file(to, await (zip.file(from) as JSZip.JSZipObject).async('uint8array'));
    zip.remove(from);
  }
  // Stored, not deflated: exceljs unpacks it at once, so compressing would only cost time.
  return changed ? zip.generateAsync({ type: 'uint8array', compression: 'STORE' }) : bytes;
}

/**
 * Every internal link made relative to its source folder, its part renamed by `partName` (null: the
 * link is dropped).
 */
function relativeLinks(
  relsName: string,
  text: string,
  partName: (part: string, type: string) => string | null,
): string {
  // xl/worksheets/_rels/sheet1.xml.rels links from xl/worksheets.
  const source = posix.dirname(posix.dirname(relsName));
  return text.replace(RELATIONSHIP, (tag) => {
    const target = attribute(tag, 'Target');
    if (target === undefined || attribute(tag, 'TargetMode') === 'External') return tag;
    const part = target.startsWith('/') ? target.slice(1) : posix.join(source, target);
    const named = partName(part, attribute(tag, 'Type') ?? '');
    if (named === null) return '';
    if (named === part && !target.startsWith('/')) return tag;
    return tag.replace(TARGET, `Target="${posix.relative(source, named)}"`);
  });
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return match ? (match[1] ?? match[2]) : undefined;
}
