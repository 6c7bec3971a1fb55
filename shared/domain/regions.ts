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

export const DEFAULT_REGIONS: readonly string[] = [PROVINCE_REGION, ...NTT_REGIONS];
