import { describe, expect, it } from 'vitest';
import { parseCompetition } from '../../shared/domain/competition.ts';
import { reminder, salutation } from '../../shared/messages/reminders.ts';
import { loadNtt2024 } from '../helpers/services.ts';

describe('reminders to a juror with entries left to score', () => {
  const ntt = loadNtt2024();
  const [desk, interview] = ntt.stages;
  const [j1, j2, j3] = ntt.jurors;
  if (!desk || !interview || !j1 || !j2 || !j3) throw new Error('config');

  it('address the juror by the title the config gives, "Bapak/Ibu" otherwise', () => {
    expect(salutation(j2)).toBe('Yth. Ibu Dr. Maria Goreti Nahak, M.A.');
    expect(salutation({ name: 'Prof. Siti Aminah' })).toBe('Yth. Bapak/Ibu Prof. Siti Aminah');
  });

  it('say in Indonesian how many are left, in which stage, and by when', () => {
    const r = reminder(ntt, desk, j1, { entries: 3, cells: 12 });
    expect(r.text).toBe(
      'Yth. Bapak Dr. Yohanes Bria, M.Si., masih ada 3 inovasi yang belum dinilai (12 sel nilai kosong) ' +
        'pada tahap Penilaian Proposal Kompetisi Inovasi Pelayanan Publik (KOIN-YANLIK) Provinsi Nusa Tenggara Timur 2024, ' +
        'batas waktu Jumat, 29 November 2024 pukul 17.00 WITA. Mohon nilainya dilengkapi di lembar penilaian Anda. ' +
        'Terima kasih.\n\nSekretariat Bagian Organisasi Sekretariat Daerah Provinsi Nusa Tenggara Timur',
    );
    expect(r.subject).toBe('Pengingat penilaian: Penilaian Proposal');
  });

  it('leave the deadline out when the stage has none', () => {
    const noDeadline = { ...desk, deadline: undefined };
    const { deadline: _, ...plain } = noDeadline;
    const r = reminder(ntt, plain, j3, { entries: 1, cells: 7 });
    expect(r.text).toContain('Yth. Bapak Ir. Agustinus Lado, M.T., masih ada 1 inovasi yang belum dinilai');
    expect(r.text).not.toContain('batas waktu');
  });

  it('come as a wa.me link to the juror’s number and a mailto link, the text prefilled', () => {
    const r = reminder(ntt, interview, j1, { entries: 2, cells: 8 });
    expect(r.whatsapp).toBe(`https://wa.me/6281234560001?text=${encodeURIComponent(r.text)}`);
    expect(decodeURIComponent(new URL(r.whatsapp).searchParams.get('text') ?? '')).toBe(r.text);
    const mail = new URL(r.email);
    expect(mail.protocol).toBe('mailto:');
    expect(mail.pathname).toBe('juri1@example.org');
    expect(decodeURIComponent(r.email.split('body=')[1] ?? '')).toBe(r.text);
    expect(decodeURIComponent(r.email.split('subject=')[1]?.split('&')[0] ?? '')).toBe(
      'Pengingat penilaian: Presentasi dan Wawancara',
    );
    // Without a number, WhatsApp lets the secretariat pick the contact.
    expect(reminder(ntt, desk, j3, { entries: 1, cells: 1 }).whatsapp).toMatch(/^https:\/\/wa\.me\/\?text=/);
  });

  it('are refused a phone number that is not one', () => {
    const raw = JSON.parse(JSON.stringify(ntt));
    raw.jurors[0].phone = 'nomor saya';
    const r = parseCompetition(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path)).toEqual(['jurors[0].phone']);
  });
});
