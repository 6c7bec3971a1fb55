/** The 22 regencies and cities of Nusa Tenggara Timur, plus the province's own agencies. */
export const NTT_REGIONS = [
  'Kota Kupang',
  'Kupang',
  'Timor Tengah Selatan',
  'Timor Tengah Utara',
  'Belu',
  'Malaka',
  'Alor',
  'Lembata',
  'Flores Timur',
  'Sikka',
  'Ende',
  'Nagekeo',
  'Ngada',
  'Manggarai Timur',
  'Manggarai',
  'Manggarai Barat',
  'Sumba Timur',
  'Sumba Tengah',
  'Sumba Barat',
  'Sumba Barat Daya',
  'Sabu Raijua',
  'Rote Ndao',
] as const;

export const PROVINCE_REGION = 'Provinsi NTT';

/** The province's government by its proper name: a competition's organizer unless its config names another. */
export const PROVINCE_GOVERNMENT = 'Pemerintah Provinsi Nusa Tenggara Timur';

export const DEFAULT_REGIONS: readonly string[] = [PROVINCE_REGION, ...NTT_REGIONS];

const PROVINCE_WORDS = ['provinsi', 'prov', 'pemprov'];
const PROVINCE_NAMES = ['', ' ntt', ' nusa tenggara timur'];

/**
 * How people type NTT's regions: common abbreviations, and the many ways of naming the province's own
 * agencies. The default of a config's `regionAliases`; another province lists its own.
 */
export const NTT_REGION_ALIASES: Readonly<Record<string, string>> = {
  tts: 'Timor Tengah Selatan',
  ttu: 'Timor Tengah Utara',
  sbd: 'Sumba Barat Daya',
  mabar: 'Manggarai Barat',
  matim: 'Manggarai Timur',
  rote: 'Rote Ndao',
  sabu: 'Sabu Raijua',
  ntt: PROVINCE_REGION,
  'nusa tenggara timur': PROVINCE_REGION,
  ...Object.fromEntries(
    ['', 'pemerintah '].flatMap((gov) =>
      PROVINCE_WORDS.flatMap((word) =>
        PROVINCE_NAMES.map((name) => [`${gov}${word}${name}`, PROVINCE_REGION]),
      ),
    ),
  ),
};
