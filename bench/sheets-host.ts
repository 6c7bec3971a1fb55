import { startLocalSheetsServer } from './targets.ts';

/**
 * The local Sheets server in a process of its own (`node --import tsx bench/sheets-host.ts FILE TOKEN`),
 * so that the CPU the benchmark measures in its own process is juri's, not the stand-in's.
 * Prints {url, spreadsheetId} on one line, then serves until stdin closes.
 */
const [file = '', accessToken] = process.argv.slice(2);
const server = await startLocalSheetsServer({ file, ...(accessToken ? { accessToken } : {}) });
process.stdout.write(`${JSON.stringify({ url: server.url, spreadsheetId: server.spreadsheetId })}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  void server.close().then(() => process.exit(0));
});
