import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { NotPlainXml, scanXml, type XmlHandlers } from '../../infra/local-sheets/xml-scan.ts';
import { seededRandom } from '../../shared/seeded-random.ts';

/**
 * The scan of plain XML (infra/local-sheets/xml-scan.ts) stands in for saxes when a saved workbook is
 * read again: for any text it either gives the handlers what saxes gives them, or steps aside
 * (NotPlainXml) so saxes reads it. It never reads differently, and never accepts what saxes refuses.
 */

type Read = (xml: string, handlers: XmlHandlers) => void;

const saxes: Read = (xml, h) => {
  const parser = new SaxesParser();
  if (h.open) parser.on('opentag', h.open);
  const close = h.close;
  if (close) parser.on('closetag', (tag) => close(tag.name));
  if (h.text) parser.on('text', h.text);
  parser.write(xml).close();
};

/** The events as the handlers see them; adjacent texts joined (saxes may split a text, the handlers join it). */
function events(read: Read, xml: string): string[] | 'refused' | 'not plain' {
  const out: string[] = [];
  try {
    read(xml, {
      open: (t) => out.push(`<${t.name} ${JSON.stringify(t.attributes)} ${t.isSelfClosing}`),
      close: (name) => out.push(`</${name}`),
      text: (text) => {
        const last = out.length - 1;
        if (out[last]?.startsWith('T')) out[last] += text;
        else out.push(`T${text}`);
      },
    });
  } catch (e) {
    return e instanceof NotPlainXml ? 'not plain' : 'refused';
  }
  return out;
}

function expectAsSaxes(xml: string): 'same' | 'not plain' {
  const scanned = events(scanXml, xml);
  const parsed = events(saxes, xml);
  if (scanned === 'not plain') return 'not plain';
  expect(scanned, xml).toEqual(parsed);
  return 'same';
}

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

describe('scanning plain XML', () => {
  it('reads a worksheet as saxes does: attributes, self-closing tags, entities, references, unicode', () => {
    const xml = `${HEAD}<worksheet xmlns="http://x" xmlns:r="http://r"><sheetData>
      <row r="1" spans="1:3"><c r="A1" s="3" t="inlineStr"><is><t xml:space="preserve"> Juri &amp; &lt;B&gt; &#233;&#x1F33E; 🌾 ]] &quot;x&apos; </t></is></c>
      <c r="B1" t='n'><v>8.5</v></c><c r="C1"><f t="shared" ref="C1:C3" si="0">B1*2</f><v>17</v></c><c r="D1" s="2"/></row>
      <row r = "2" ><c r="A2" t="str"><f>"a"&amp;"b"</f><v>ab</v></c></row></sheetData>
      <mergeCells count="0"/><pageSetup paperSize="9" r:id="rId1"/></worksheet>\n`;
    expect(expectAsSaxes(xml)).toBe('same');
    expect(expectAsSaxes('<a b="x&amp;y&#10;z"/>')).toBe('same');
    expect(expectAsSaxes("<a b='1>2'>t > u</a>")).toBe('same');
  });

  it('steps aside for what saxes reads its own way, and refuses nothing saxes reads', () => {
    for (const xml of [
      '<a><!-- note --></a>',
      '<a><![CDATA[x < y]]></a>',
      '<!DOCTYPE a><a/>',
      '<a><?pi x?></a>',
      '<a>line\r\nnext</a>',
      '<a b="one\ttwo"/>',
      '<a b="one\ntwo"/>',
      '<a>&nbsp;</a>',
      '\uFEFF<a/>',
      '<é/>',
    ]) {
      expect(expectAsSaxes(xml), xml).toBe('not plain');
      expect(events(saxes, xml), xml).not.toBe('not plain');
    }
  });

  it('never accepts what saxes refuses', () => {
    for (const xml of [
      '<a><b></a></b>',
      '<a>',
      '<a/><b/>',
      'text<a/>',
      '<a b="1" b="2"/>',
      '<a b="1"c="2"/>',
      '<a>]]></a>',
      '<a>&#0;</a>',
      '<a>\u0001</a>',
      '<a b="<"/>',
      '<1a/>',
      '<a>&bogus;</a>',
      '</a>',
      '',
    ]) {
      expect(events(saxes, xml), xml).toBe('refused');
      expect(events(scanXml, xml), xml).not.toEqual(expect.any(Array));
    }
  });

  it('agrees with saxes on random documents made of the parts a spreadsheet program writes', () => {
    const random = seededRandom(20241220);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const texts = ['8', ' 7,5 ', 'a&amp;b', '&lt;x&gt;', ']]', '&#x41;', 'é 🌾', '', '\n  ', '>', '&#13;'];
    const names = ['c', 'v', 't', 'is', 'row', 'x:c', 'f'];
    const attributes = ['r="A1"', "s='3'", 't="s"', 'xml:space="preserve"', 'q="a&amp;b"', 'w="1>0"'];
    const element = (depth: number): string => {
      const name = pick(names);
      const attrs = Array.from({ length: Math.floor(random() * 3) }, () => pick(attributes));
      const open = `<${name}${[...new Set(attrs)].map((a) => ` ${a}`).join('')}`;
      if (depth > 3 || random() < 0.3) return `${open}/>`;
      const inner = Array.from({ length: Math.floor(random() * 4) }, () =>
        random() < 0.5 ? pick(texts) : element(depth + 1),
      ).join('');
      return `${open}>${inner}</${name}>`;
    };
    let same = 0;
    for (let i = 0; i < 2000; i++) if (expectAsSaxes(`${HEAD}${element(0)}`) === 'same') same += 1;
    expect(same).toBeGreaterThan(1900);
  });
});
