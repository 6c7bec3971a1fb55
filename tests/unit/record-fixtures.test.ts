import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readExport, verifyRecords } from '../../shared/domain/verify-record.ts';
import { legacyAnnouncementTexts } from '../../shared/messages/announcement-template.ts';

const digest = async (text: string) => createHash('sha256').update(text).digest('hex');
const CHECK = { legacyText: legacyAnnouncementTexts };

/**
 * Records exported by earlier juri, kept as an auditor holds them: each must verify under its own
 * format and rules forever. A change that makes one fail breaks every record fixed in that format.
 */
const GOLDEN = [
  {
    file: 'record-juri-record-1.json',
    what: 'the demo, fixed and exported before the record held only facts (juri-record/1)',
    hash: '596aee350d41cf69112ba64615a407481d4de081bf4f9ebec7c5df86f9b6778f',
  },
];

describe('golden records', () => {
  for (const golden of GOLDEN) {
    it(`still verifies: ${golden.what}`, async () => {
      const file = JSON.parse(readFileSync(new URL(`../fixtures/${golden.file}`, import.meta.url), 'utf8'));
      const read = readExport(file);
      expect(read.ok).toBe(true);
      if (!read.ok) return;
      const report = await verifyRecords(read.records, digest, CHECK);
      expect(report.findings).toEqual([]);
      expect(report.ok).toBe(true);
      expect(read.records.at(-1)?.hash).toBe(golden.hash);
    });
  }
});
