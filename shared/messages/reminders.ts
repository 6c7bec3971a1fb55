import type { Competition, Juror, Stage } from '../domain/competition.ts';
import { normalizePhone } from '../domain/phone.ts';
import { formatLocalMoment } from './moments.ts';

/**
 * A reminder for a juror who still has entries to score, ready to send by hand: juri itself sends
 * nothing. Always in Indonesian, the jurors' language, whatever language the secretariat reads in.
 */
export interface Reminder {
  subject: string;
  text: string;
  /** wa.me link with the text prefilled (to the juror's number when the config has one). */
  whatsapp: string;
  /** mailto: link to the juror with subject and text prefilled. */
  email: string;
}

/** "Bapak/Ibu" unless the config says how to address the juror ("Ibu", "Bapak", "Prof."). */
export function salutation(juror: Pick<Juror, 'name' | 'title'>): string {
  return `Yth. ${juror.title ?? 'Bapak/Ibu'} ${juror.name}`;
}

export function reminder(
  competition: Competition,
  stage: Stage,
  juror: Juror,
  pending: { entries: number; cells: number },
): Reminder {
  const deadline = stage.deadline
    ? `, batas waktu ${formatLocalMoment(stage.deadline, competition.timezone, 'id')}`
    : '';
  const subject = `Pengingat penilaian: ${stage.name}`;
  const text =
    `${salutation(juror)}, masih ada ${pending.entries} inovasi yang belum dinilai ` +
    `(${pending.cells} sel nilai kosong) pada tahap ${stage.name} ${competition.name}${deadline}. ` +
    'Mohon nilainya dilengkapi di lembar penilaian Anda. Terima kasih.\n\n' +
    `Sekretariat ${competition.organizer}`;
  const phone = juror.phone ? normalizePhone(juror.phone)?.replace(/^\+/, '') : undefined;
  const q = encodeURIComponent;
  return {
    subject,
    text,
    whatsapp: `https://wa.me/${phone ?? ''}?text=${q(text)}`,
    email: `mailto:${juror.email}?subject=${q(subject)}&body=${q(text)}`,
  };
}
