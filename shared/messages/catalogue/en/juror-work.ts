import type { JUROR_WORK as ID } from '../id/juror-work.ts';
import type { English } from '../params.ts';

/** The words of the dashboard's sections on the jurors' own work (missing scores, remarks, reshaped tabs), in English. */
export const JUROR_WORK = {
  'jurorWork.missing': 'Not yet scored',
  'jurorWork.missingIntro':
    'Jurors with innovations still to score. Reminders are ready to send by WhatsApp or email (text in Indonesian); juri sends nothing itself.',
  'jurorWork.allDone': 'Every score is in.',
  'jurorWork.placed':
    'New first-stage innovations (passed the selection or accepted late) were added to the juror tabs at the last sync:',
  'jurorWork.placedTo': '{id} → tabs {tabs}',
  'jurorWork.noData': 'No sync yet.',
  'jurorWork.count': '{n} innovations, {cells} empty cells',
  'jurorWork.more': '… and {n} more',
  'jurorWork.whatsapp': 'WhatsApp',
  'jurorWork.email': 'Email',
  'jurorWork.text': 'Reminder text',
  'jurorWork.stage': 'Stage',
  'jurorWork.juror': 'Juror',
  'jurorWork.left': 'Left',
  'jurorWork.entries': 'Innovations',
  'jurorWork.send': 'Send a reminder',
  'jurorWork.comments': 'Juror remarks',
  'jurorWork.noComments': 'No juror remarks yet.',
  'jurorWork.innovation': 'Innovation',
  'jurorWork.remark': 'Remark',
  'jurorWork.issues': 'Juror tabs whose shape was changed',
  'jurorWork.tab': 'Tab',
  'jurorWork.what': 'What happened and how to mend it',
} satisfies English<typeof ID>;
