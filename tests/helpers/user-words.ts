import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/**
 * The lint on words for a person (issue 21): text shown to someone lives in shared/messages/ (the catalogue
 * and the message builders), so a string literal or JSX text that reads like words, written anywhere else in
 * functions/, infra/ or shared/, is a finding. "Reads like words" is a heuristic, kept honest by the probes
 * in tests/deploy/user-words.test.ts:
 * - JSX text with a word in it (a lone word too: a heading "Peringkat" is shown);
 * - a string or template literal with two words in a row (letters, a space, letters): 'Tab juri siap.'.
 * What is not shown to people is let through, each for a reason:
 * - a module path, a literal type, an object key: code;
 * - an attribute no one reads (class, id, href, …, data-*): CSS classes, test ids and URL paths;
 * - CSS (a rule block `x{a:b}` or declarations only, each `a: b;`: 'juri: x failed; trying again' is a sentence), SQL (its upper-case keywords), upper case only
 *   (a PEM marker, a constant), XML (a workbook part), a page's inline script, the text of <code>/<kbd>; in HTML the text between tags still counts;
 * - one token without a space: log event keys ('sync.failed'), HTTP header names, codes, identifiers;
 * - the message of a TypeError or RangeError: JavaScript's classes for a bug (a value of the wrong kind or
 *   out of range), read by a developer; a person gets the error handler's own words ('internal').
 */
export const SCANNED = ['functions', 'infra', 'shared'] as const;

/** Where words belong: everything under it is the catalogue or builds sentences from it. */
export const WORDS_HOME = 'shared/messages/';

export interface Finding {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

const TWO_WORDS = /\p{L}{2,}[ \u00a0]+\p{L}{2,}/u;
const A_WORD = /^\p{L}[\p{Ll}]+[.:!?]?$/u;
const CSS = /\{[^{}]*[\w-]\s*:[^{}]*\}|^\s*(?:[a-z-]+\s*:\s*[^;:]+;\s*)+$/;
const SQL = /\b(SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|DROP|PRAGMA|WHERE|VALUES)\b/;
const MARKUP = /<[/!?]?[a-z][^>]*(>|$)/gi;
const XML = /<\?xml|xmlns|<\/?[a-z]+:[a-z]/i;
const SCRIPT = /\bdocument\.|=>|\bfunction\s*\(|addEventListener/;
/** Elements whose text is a command or code, shown as typed. */
const CODE_ELEMENTS = new Set(['code', 'kbd', 'pre', 'samp']);

/** JavaScript's error classes for a programming mistake: their message is a developer's, not a person's. */
const BUG_ERRORS = new Set(['TypeError', 'RangeError']);

/** Attributes whose value no one reads on the page. */
const UNSEEN_ATTRIBUTES = new Set([
  'class',
  'id',
  'href',
  'src',
  'type',
  'name',
  'rel',
  'method',
  'action',
  'for',
  'style',
  'role',
  'lang',
  'd',
  'viewBox',
  'points',
  'transform',
  'fill',
  'stroke',
  'autocomplete',
  'inputmode',
  'pattern',
  'accept',
  'enctype',
  'target',
  'media',
  'charset',
  'http-equiv',
  'sizes',
  'xmlns',
  'scope',
  'headers',
  'dir',
]);

/** CSS, SQL, or upper case only (a PEM marker 'PRIVATE KEY', a constant): not a sentence. */
function isCode(text: string): boolean {
  return CSS.test(text) || SQL.test(text) || XML.test(text) || SCRIPT.test(text) || !/\p{Ll}/u.test(text);
}

function readsLikeWords(text: string, loneWordToo: boolean): boolean {
  if (isCode(text)) return false;
  const bare = text.replace(MARKUP, ' ').trim();
  return TWO_WORDS.test(bare) || (loneWordToo && A_WORD.test(bare));
}

/** The attribute a value is written to, through the expressions that build it (a template, a ternary). */
function attributeOf(node: ts.Node): string | undefined {
  for (let up = node.parent; up; up = up.parent) {
    if (ts.isJsxAttribute(up)) return up.name.getText();
    if (ts.isStatement(up) || ts.isJsxElement(up) || ts.isJsxSelfClosingElement(up)) return undefined;
  }
  return undefined;
}

function inCodeElement(node: ts.JsxText): boolean {
  const parent = node.parent;
  return ts.isJsxElement(parent) && CODE_ELEMENTS.has(parent.openingElement.tagName.getText());
}

function isUnseen(node: ts.Node): boolean {
  const parent = node.parent;
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isLiteralTypeNode(parent))
    return true;
  if (
    ts.isExternalModuleReference(parent) ||
    (ts.isCallExpression(parent) && parent.expression.kind === ts.SyntaxKind.ImportKeyword)
  )
    return true;
  if ((ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent)) && parent.name === node)
    return true;
  if (ts.isNewExpression(parent) && BUG_ERRORS.has(parent.expression.getText())) return true;
  const attribute = attributeOf(node);
  return attribute !== undefined && (UNSEEN_ATTRIBUTES.has(attribute) || attribute.startsWith('data-'));
}

/** The literal text of a node that can hold words, or undefined. */
function literalText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
  return undefined;
}

/** The words for a person written in one source file. */
export function findUserWords(file: string, source: string): Finding[] {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, kind);
  const found: Finding[] = [];
  const report = (node: ts.Node, text: string) => {
    const line = tree.getLineAndCharacterOfPosition(node.getStart(tree)).line + 1;
    found.push({ file, line, text: text.trim().replace(/\s+/g, ' ').slice(0, 80) });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) {
      if (readsLikeWords(node.text, true) && !inCodeElement(node)) report(node, node.text);
      return;
    }
    const text = literalText(node);
    if (text !== undefined && readsLikeWords(text, false) && !isUnseen(node)) report(node, text);
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

/** Every TypeScript source file under the scanned folders, as paths from the repository root. */
export function scannedFiles(root: string): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : walk(path);
      return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
    });
  return SCANNED.flatMap(walk).filter((path) => !path.startsWith(WORDS_HOME));
}

/** Findings of every scanned file, by file. */
export function findAllUserWords(root: string): Map<string, Finding[]> {
  const byFile = new Map<string, Finding[]>();
  for (const file of scannedFiles(root)) {
    const found = findUserWords(file, readFileSync(join(root, file), 'utf8'));
    if (found.length > 0) byFile.set(file, found);
  }
  return byFile;
}
