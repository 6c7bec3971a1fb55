import { posix } from 'node:path';
import JSZip from 'jszip';
import '../jszip-utf8.ts';

/** Why a file is not a workbook juri can read, in words a person can act on. */
export type Unreadable = 'not-a-package' | 'no-workbook' | 'damaged';

export class UnreadableWorkbook extends Error {
  readonly kind: Unreadable;
  constructor(kind: Unreadable, options?: { cause?: unknown }) {
    super(`unreadable workbook: ${kind}`, options);
    this.name = 'UnreadableWorkbook';
    this.kind = kind;
  }
}

const COMMENTS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const RELATIONSHIP = /<Relationship\b[^>]*>/g;
const TARGET = /\bTarget\s*=\s*("[^"]*"|'[^']*')/;

/**
 * The .xlsx as exceljs can load it. exceljs finds a part only under the names Excel gives it
 * (xl/comments1.xml, linked as ../comments1.xml); openpyxl links its parts by absolute names
 * (/xl/comments/comment1.xml), and exceljs then fails on the first comment. So: every absolute link is
 * made relative, and links to cell comments are dropped (juri keeps no comments: a sync reads values).
 * A package that needs neither is returned as it came.
 */
export async function loadablePackage(bytes: Uint8Array): Promise<Uint8Array> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (cause) {
    throw new UnreadableWorkbook('not-a-package', { cause });
  }
  if (!zip.file('xl/workbook.xml')) throw new UnreadableWorkbook('no-workbook');
  let changed = false;
  for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.rels'))) {
    const text = await zip.file(name)?.async('string');
    if (text === undefined) continue;
    const fixed = relativeLinks(name, text);
    if (fixed !== text) {
      zip.file(name, fixed);
      changed = true;
    }
  }
  // Stored, not deflated: exceljs unpacks it at once, so compressing would only cost time.
  return changed ? zip.generateAsync({ type: 'uint8array', compression: 'STORE' }) : bytes;
}

function relativeLinks(relsName: string, text: string): string {
  // xl/worksheets/_rels/sheet1.xml.rels links from xl/worksheets.
  const source = posix.dirname(posix.dirname(relsName));
  return text.replace(RELATIONSHIP, (tag) => {
    if (relsName.startsWith('xl/worksheets/_rels/') && attribute(tag, 'Type') === COMMENTS) return '';
    const target = attribute(tag, 'Target');
    if (!target?.startsWith('/') || attribute(tag, 'TargetMode') === 'External') return tag;
    return tag.replace(TARGET, `Target="${posix.relative(source, target.slice(1))}"`);
  });
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return match ? (match[1] ?? match[2]) : undefined;
}
