import type { Competition } from '../domain/competition.ts';
import { type Bilingual, type Lang, localName } from '../domain/i18n.ts';
import type { LifecyclePhase, PhaseCode, TransitionProblem } from '../domain/lifecycle.ts';

const PHASE: Record<PhaseCode, Bilingual> = {
  registration: { id: 'Pendaftaran dibuka', en: 'Registration open' },
  selection: { id: 'Seleksi administrasi', en: 'Administrative selection' },
  judging: { id: 'Penilaian', en: 'Judging' },
  fixing: { id: 'Penetapan hasil', en: 'Fixing the result' },
  publicTest: { id: 'Uji publik', en: 'Public test' },
  announced: { id: 'Diumumkan', en: 'Announced' },
  corrected: { id: 'Diumumkan dengan ralat', en: 'Announced with a correction' },
};

/** A phase's name, with the stage for judging: "Penilaian — Wawancara". */
export function phaseName(phase: LifecyclePhase, competition: Competition, lang: Lang): string {
  const name = PHASE[phase.code][lang];
  if (phase.code !== 'judging') return name;
  const stage = competition.stages.find((s) => s.id === phase.stage);
  return `${name} — ${stage ? localName(stage, lang) : phase.stage}`;
}

/** Why a transition was refused, in plain words. */
export function transitionProblemText(p: TransitionProblem, lang: Lang): string {
  const en = lang === 'en';
  switch (p.code) {
    case 'reason-required':
      return en ? 'Write why the phase changes.' : 'Tulis alasan perpindahan tahap.';
    case 'already-there':
      return en ? 'The competition is in that phase already.' : 'Kompetisi sudah berada pada tahap itu.';
    case 'not-allowed':
      return en
        ? `The competition cannot move from "${p.from}" to "${p.to}".`
        : `Kompetisi tidak bisa berpindah dari "${p.from}" ke "${p.to}".`;
    case 'unknown-stage':
      return en
        ? `There is no stage "${p.stage}" in the config.`
        : `Tidak ada tahap "${p.stage}" di konfigurasi.`;
    case 'no-selection':
      return en
        ? 'The config has no administrative selection.'
        : 'Konfigurasi tidak memiliki seleksi administrasi.';
    case 'no-public-test':
      return en ? 'The config has no public test.' : 'Konfigurasi tidak memiliki uji publik.';
    case 'judging-incomplete':
      return en
        ? 'Judging is not complete: every entry of every stage and of the final ranking needs its scores.'
        : 'Penilaian belum selesai: setiap inovasi di setiap tahap dan peringkat akhir harus lengkap.';
    case 'no-provisional-version':
      return en
        ? 'The public test needs a provisional result version: fix the result first.'
        : 'Uji publik memerlukan versi hasil sementara: tetapkan hasil dahulu.';
    case 'no-final-version':
      return en
        ? 'Nothing can be announced before a final result version is fixed.'
        : 'Belum ada yang bisa diumumkan sebelum versi hasil akhir ditetapkan.';
    case 'no-correction':
      return en
        ? `No correction was fixed after version ${p.published}.`
        : `Belum ada ralat yang ditetapkan setelah versi ${p.published}.`;
    case 'result-fixed':
      return en
        ? `Result version ${p.version} is fixed: only a correction (ralat) can change it.`
        : `Hasil versi ${p.version} sudah ditetapkan: hanya ralat yang dapat mengubahnya.`;
  }
}

/** A logged reason as a person reads it: an action's code (`fix:v2`) in words, a typed reason as typed. */
export function transitionReason(reason: string, lang: Lang): string {
  const fixed = /^fix:v(\d+)$/.exec(reason);
  if (!fixed) return reason;
  return lang === 'en' ? `Result version ${fixed[1]} fixed` : `Hasil versi ${fixed[1]} ditetapkan`;
}
