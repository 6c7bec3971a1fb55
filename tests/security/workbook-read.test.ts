import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sheets } from '@googleapis/sheets';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { type LocalSheetsServer, startLocalSheetsServer } from '../../infra/local-sheets/index.ts';
import { oauthClient, TOKEN } from '../sheets/helpers.ts';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const COMMENTS_XML =
  '<?xml version="1.0" encoding="UTF-8"?><comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<authors><author>Sekretariat</author></authors><commentList><comment ref="A1" authorId="0">' +
  '<text><t>Periksa lagi nilai ini</t></text></comment></commentList></comments>';
const VML =
  '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" ' +
  'xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/>' +
  '</o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
  '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
  '<v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;visibility:hidden" fillcolor="#ffffe1">' +
  '<v:textbox><div style="text-align:left"></div></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/>' +
  '<x:SizeWithCells/><x:AutoFill>False</x:AutoFill><x:Row>0</x:Row><x:Column>0</x:Column></x:ClientData>' +
  '</v:shape></xml>';

/**
 * A one-tab workbook with a cell comment, its parts named and linked the way a given program saves them:
 * openpyxl writes xl/comments/comment1.xml and a commentsDrawing VML, linked by absolute part names;
 * Excel and LibreOffice write xl/comments1.xml and xl/drawings/vmlDrawing1.vml, linked relatively.
 */
async function commentedWorkbook(style: 'openpyxl' | 'excel'): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Penilaian').getCell('A1').value = '8,5';
  const zip = await JSZip.loadAsync(Buffer.from(await book.xlsx.writeBuffer()));
  const [comments, vml] =
    style === 'openpyxl'
      ? ['xl/comments/comment1.xml', 'xl/drawings/commentsDrawing1.vml']
      : ['xl/comments1.xml', 'xl/drawings/vmlDrawing1.vml'];
  const target = (part: string) => (style === 'openpyxl' ? `/${part}` : `../${part.slice(3)}`);
  zip.file(comments, COMMENTS_XML);
  zip.file(vml, VML);
  zip.file(
    'xl/worksheets/_rels/sheet1.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="comments" Type="${REL}/comments" Target="${target(comments)}"/>` +
      `<Relationship Id="anysvml" Type="${REL}/vmlDrawing" Target="${target(vml)}"/></Relationships>`,
  );
  const sheet = (await zip.file('xl/worksheets/sheet1.xml')?.async('string')) ?? '';
  zip.file(
    'xl/worksheets/sheet1.xml',
    sheet.replace('</worksheet>', '<legacyDrawing r:id="anysvml"/></worksheet>'),
  );
  const types = (await zip.file('[Content_Types].xml')?.async('string')) ?? '';
  zip.file(
    '[Content_Types].xml',
    types.replace(
      '</Types>',
      `<Override PartName="/${comments}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>` +
        '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/></Types>',
    ),
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

const servers: LocalSheetsServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(bytes: Buffer) {
  const file = join(mkdtempSync(join(tmpdir(), 'juri-read-')), 'juri.xlsx');
  writeFileSync(file, bytes);
  const server = await startLocalSheetsServer({ file, accessToken: TOKEN, create: false });
  servers.push(server);
  const client = sheets({ version: 'v4', auth: oauthClient(), rootUrl: server.url, retry: false });
  const read = () =>
    client.spreadsheets.values.get({ spreadsheetId: server.spreadsheetId, range: 'Penilaian!A1' });
  return { file, read };
}

describe('workbooks saved by other programs', () => {
  it.each(['openpyxl', 'excel'] as const)(
    'reads a cell comment written the way %s writes it',
    async (style) => {
      const { read } = await serve(await commentedWorkbook(style));
      expect((await read()).data.values).toEqual([['8,5']]);
    },
  );
});

describe('a workbook that really is unreadable', () => {
  const broken: [string, () => Promise<Buffer>][] = [
    ['not a zip at all', async () => Buffer.from('PK? bukan buku kerja')],
    [
      'a zip without a workbook',
      async () => new JSZip().file('hello.txt', 'halo').generateAsync({ type: 'nodebuffer' }),
    ],
    [
      'a workbook cut short',
      async () => {
        const whole = await commentedWorkbook('excel');
        return whole.subarray(0, Math.floor(whole.length / 2));
      },
    ],
  ];
  it.each(broken)('is named as such in plain words (%s)', async (_, bytes) => {
    const { read } = await serve(await bytes());
    const error = await read().then(
      () => null,
      (e: { response?: { status?: number; data?: { error?: { message?: string } } } }) => e.response,
    );
    expect(error?.status).toBe(503);
    const message = error?.data?.error?.message ?? '';
    expect(message).toContain('tidak dapat dibaca');
    expect(message).toContain('cannot be read');
    expect(message).not.toMatch(/TypeError|Cannot read properties|undefined|Error:|at \S+ \(/);
  });
});
