import ntt2024 from '../../infra/competitions/koin-yanlik-ntt-2024.json' with { type: 'json' };
import type { Competition } from '../../shared/domain/competition.ts';
import { checkedCompetition } from '../cli/io.ts';
import { DEMO_CALIBRATION } from './innovations.ts';

/**
 * The whole KIPP path in the demo's 2024 competition (issue 24), on top of the bundled config, which
 * stays the plain one many tests load: a field verification of the 20 finalists between the desk review
 * and the interview (docs/field.md), a representation rule on the Top 10 (docs/representation.md), and
 * the calibration round (docs/calibration.md).
 */

/**
 * Two of the jurors visit each finalist after the desk review, in the days before the interviews; an
 * entry whose claims do not hold on site (weighted score under 60) is out of the final ranking.
 */
export const DEMO_FIELD_STAGE = {
  id: 'lapangan',
  name: 'Verifikasi Lapangan',
  nameEn: 'Field verification',
  kind: 'field',
  minJurors: 2,
  jurorsPerInnovation: 2,
  deadline: '2024-12-04T17:00',
  criteria: [
    {
      id: 'berjalan',
      name: 'Layanan Berjalan seperti di Proposal',
      nameEn: 'The service runs as the proposal says',
      weight: 40,
    },
    { id: 'manfaat', name: 'Manfaat Dirasakan Warga', nameEn: 'Citizens feel the benefit', weight: 35 },
    {
      id: 'bukti',
      name: 'Data dan Dokumen Pendukung Ada',
      nameEn: 'Supporting data and documents exist',
      weight: 25,
    },
  ],
  gate: { passMark: 60 },
};

/**
 * The regencies of NTT among the disadvantaged regions of 2020–2024 (Perpres 63/2020): the province
 * wants at least half of its Top 10 from them, and no region, the provincial agencies included, with
 * more than one winner.
 */
export const DEMO_3T_REGIONS = [
  'Sumba Barat',
  'Sumba Timur',
  'Kupang',
  'Timor Tengah Selatan',
  'Belu',
  'Alor',
  'Lembata',
  'Rote Ndao',
  'Sumba Tengah',
  'Sumba Barat Daya',
  'Manggarai Timur',
  'Sabu Raijua',
  'Malaka',
];

export const DEMO_RULES = {
  maxPerRegion: 1,
  groups: { '3T': DEMO_3T_REGIONS },
  minPerGroup: { '3T': 5 },
};

interface BundledConfig {
  stages: readonly unknown[];
  final: object;
}

/** The bundled 2024 config as the demo and local mode run it: field stage, rules and calibration added. */
export function demoCompetitionConfig<C extends BundledConfig>(bundled: C) {
  const [desk, ...after] = bundled.stages;
  return {
    ...bundled,
    stages: [desk, DEMO_FIELD_STAGE, ...after],
    final: { ...bundled.final, rules: DEMO_RULES },
    calibration: DEMO_CALIBRATION,
  };
}

/** The demo's 2024 competition, checked: the one `juri demo` and `npm start` run, bundled with the CLI. */
export function demoCompetition(): Competition {
  return checkedCompetition(demoCompetitionConfig(ntt2024), 'NTT 2024');
}
