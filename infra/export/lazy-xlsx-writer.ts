import type { XlsxWriter } from '../../shared/ports.ts';

/**
 * The .xlsx writer, loaded on the first download: most requests (every intake, every cron tick) never
 * write a workbook, so its module is not even evaluated for them.
 */
export const lazyXlsxWriter: XlsxWriter = {
  async tablesToXlsx(tables) {
    const { tablesToXlsx } = await import('./xlsx-tables.ts');
    return tablesToXlsx(tables);
  },
};
