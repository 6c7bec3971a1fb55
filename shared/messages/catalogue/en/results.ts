import type { RESULTS as ID } from '../id/results.ts';
import type { English } from '../params.ts';

/** The words of the results, in English: downloads, exporting the record, fixing a result version. */
export const RESULTS = {
  'results.export.rank': 'Final rank',
  'results.export.tie': 'Tie',
  'results.export.id': 'ID',
  'results.export.title': 'Innovation title',
  'results.export.agency': 'Agency',
  'results.export.region': 'Region',
  'results.export.category': 'Category',
  'results.export.final': 'Final score (0–100)',
  'results.export.status': 'Status',
  'results.export.complete': 'Complete',
  'results.export.incomplete': 'Incomplete',
  'results.export.top': 'Top',
  'results.export.categoryRank': 'Category rank',
  'results.export.submittedAt': 'Submitted',
  'results.export.version': 'Version',
  'results.export.selection': 'Selection',
  'results.export.selectionReasons': 'Selection reasons',
  'results.export.decidedBy': 'Decided by',
  'results.export.respondentEmail': 'form sender email',
  'results.export.rankings': 'Rankings',
  'results.export.entries': 'Innovations',
  'results.noResultYet': 'No result has been fixed yet.',
  'results.noSuchVersion': 'There is no version {version} (latest: {latest}).',
  'results.versionUnreadable': 'Version {version} could not be read from the store.',
  'results.legacyNeedsContacts':
    "Version {version} was fixed in the old format ({format}), which hashed the jurors' e-mails and phones with the rest; without them its hash cannot be checked. Export with contacts: juri export-record --with-contacts (a file only its owner reads).",
  'results.fix.noSync': 'There is no successful score sync yet. Press "Sync now" first, then fix the result.',
  'results.fix.reasonTooLong': 'Reason too long (max {max}).',
  'results.fix.nothingToConfirm': 'There is no provisional result to confirm.',
  'results.fix.notThroughSelection':
    'These innovations were accepted after the last sync and have not been through the selection: {ids}. Sync first, or the panel leaves them out of the result with a written reason.',
  'results.fix.judgingIncomplete':
    'Judging is not complete: every innovation of every stage and of the final ranking must be complete first. Not complete: {open}. Complete its scores (sync first), or the panel leaves the innovation out of the result with a written reason.',
  'results.fix.absentJurors':
    'Warning: these jurors typed no score at all in that stage (absent): {names}. The result can be fixed only once the secretariat acknowledges it, with a name and a reason; the minutes record the juror as absent.',
  'results.fix.tiesUndecided': 'The result cannot be fixed yet: {problems}',
  'results.fix.unknownExclusion': 'The innovation to leave out is unknown or named twice: {id}.',
  'results.fix.exclusionNeedsReason':
    'Innovation {id} can be left out only with a written reason (max {max}).',
  'results.fix.acknowledgementIncomplete':
    'The acknowledgement of absent jurors needs the name of who acknowledges it and a reason.',
  'results.fix.sameAsVersion': 'The result equals version {version}; there is nothing to fix again.',
  'results.fix.correctionNeedsReason':
    'The result differs from version {version}. A correction needs a written reason.',
  'results.fix.takenElsewhere': 'Version {version} was just fixed elsewhere. Reload the dashboard and check.',
} satisfies English<typeof ID>;
