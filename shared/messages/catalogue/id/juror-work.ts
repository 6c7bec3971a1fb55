/** The words of the dashboard's sections on the jurors' own work (missing scores, remarks, reshaped tabs), in Indonesian. */
export const JUROR_WORK = {
  'jurorWork.missing': 'Belum dinilai',
  'jurorWork.missingIntro':
    'Juri yang masih punya inovasi belum dinilai. Pengingat siap dikirim lewat WhatsApp atau email (teks dalam bahasa Indonesia); juri tidak mengirim apa pun sendiri.',
  'jurorWork.allDone': 'Semua nilai sudah lengkap.',
  'jurorWork.placed':
    'Inovasi baru di tahap pertama (lolos seleksi atau diterima terlambat) sudah ditambahkan ke tab juri pada sinkronisasi terakhir:',
  'jurorWork.placedTo': '{id} → tab {tabs}',
  'jurorWork.noData': 'Belum ada sinkronisasi.',
  'jurorWork.count': '{n} inovasi, {cells} sel kosong',
  'jurorWork.more': '… dan {n} lagi',
  'jurorWork.whatsapp': 'WhatsApp',
  'jurorWork.email': 'Email',
  'jurorWork.text': 'Teks pengingat',
  'jurorWork.stage': 'Tahap',
  'jurorWork.juror': 'Juri',
  'jurorWork.left': 'Sisa',
  'jurorWork.entries': 'Inovasi',
  'jurorWork.send': 'Kirim pengingat',
  'jurorWork.comments': 'Catatan juri',
  'jurorWork.noComments': 'Belum ada catatan juri.',
  'jurorWork.innovation': 'Inovasi',
  'jurorWork.remark': 'Catatan',
  'jurorWork.issues': 'Tab juri yang diubah susunannya',
  'jurorWork.tab': 'Tab',
  'jurorWork.what': 'Apa yang terjadi dan cara memperbaikinya',
} as const;
