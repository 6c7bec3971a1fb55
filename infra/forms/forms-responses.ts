import { forms, type forms_v1 } from '@googleapis/forms';
import { sortableInstant } from '../../shared/domain/sortable-instant.ts';
import { AppError } from '../../shared/errors.ts';
import { bilingual } from '../../shared/messages/catalogue/t.ts';
import type { FormResponses, FormWatch, ListedResponses } from '../../shared/ports.ts';

export interface FormsResponsesOptions {
  auth: NonNullable<forms_v1.Options['auth']>;
  /** Points the client elsewhere (a local stub in tests); Google's endpoint when absent. */
  rootUrl?: string;
}

/**
 * The FormResponses port on `@googleapis/forms`. No Node-only APIs here, so it also runs in workerd
 * (with nodejs_compat) like `@googleapis/sheets` does.
 */
export function createFormsResponses(opts: FormsResponsesOptions): FormResponses {
  const api = forms({ version: 'v1', auth: opts.auth, ...(opts.rootUrl ? { rootUrl: opts.rootUrl } : {}) });

  return {
    async listSince(formId, after): Promise<ListedResponses> {
      const [responses, questionTitles] = await Promise.all([
        listAll(api, formId, after),
        questionTitlesOf(api, formId),
      ]);
      return { responses, questionTitles };
    },

    async listWatches(formId) {
      const res = await call(() => api.forms.watches.list({ formId }));
      return (res.data.watches ?? []).map(toWatch);
    },

    async createWatch(formId, eventType, topicName) {
      const res = await call(() =>
        api.forms.watches.create({
          formId,
          requestBody: { watch: { eventType, target: { topic: { topicName } } } },
        }),
      );
      return toWatch(res.data);
    },

    async renewWatch(formId, watchId) {
      const res = await call(() => api.forms.watches.renew({ formId, watchId, requestBody: {} }));
      return toWatch(res.data);
    },
  };
}

async function listAll(api: forms_v1.Forms, formId: string, after: string | null) {
  const out: forms_v1.Schema$FormResponse[] = [];
  let pageToken: string | undefined;
  do {
    const res = await call(() =>
      api.forms.responses.list({
        formId,
        ...(after ? { filter: `timestamp > ${after}` } : {}),
        ...(pageToken ? { pageToken } : {}),
      }),
    );
    out.push(...(res.data.responses ?? []));
    pageToken = res.data.nextPageToken ?? undefined;
  } while (pageToken);
  const key = (r: forms_v1.Schema$FormResponse) => sortableInstant(r.lastSubmittedTime ?? '');
  return out.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** questionId → title; a grid's rows become "Title [Row]". */
async function questionTitlesOf(api: forms_v1.Forms, formId: string): Promise<Record<string, string>> {
  const res = await call(() => api.forms.get({ formId }));
  const titles: Record<string, string> = {};
  for (const item of res.data.items ?? []) {
    const title = item.title ?? '';
    const single = item.questionItem?.question?.questionId;
    if (single) titles[single] = title;
    for (const q of item.questionGroupItem?.questions ?? []) {
      if (q.questionId) titles[q.questionId] = `${title} [${q.rowQuestion?.title ?? q.questionId}]`;
    }
  }
  return titles;
}

function toWatch(w: forms_v1.Schema$Watch): FormWatch {
  return {
    id: w.id ?? '',
    eventType: w.eventType ?? '',
    ...(w.expireTime ? { expireTime: w.expireTime } : {}),
    ...(w.state ? { state: w.state } : {}),
  };
}

/** Any Forms API failure becomes a 503 so that Pub/Sub redelivers the notification later. */
async function call<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (err) {
    const status = (err as { status?: unknown }).status;
    const http = typeof status === 'number' ? ` (HTTP ${status})` : '';
    throw new AppError('upstream_unavailable', bilingual('adapter.formsApiUnavailable', { http }), {
      cause: err,
    });
  }
}
