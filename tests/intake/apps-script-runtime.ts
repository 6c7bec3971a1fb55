import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createContext, runInContext } from 'node:vm';

const CODE_GS = new URL('../../infra/deploy/apps-script/Code.gs', import.meta.url);

export interface FetchCall {
  url: string;
  options: {
    method: string;
    contentType: string;
    payload: string;
    headers: Record<string, string>;
    muteHttpExceptions: boolean;
  };
}

/**
 * Runs infra/deploy/apps-script/Code.gs as Apps Script would, with just enough of the Apps Script services
 * (Utilities, UrlFetchApp, PropertiesService, FormApp, SpreadsheetApp) for it to run in Node.
 * UrlFetchApp.fetch is synchronous there, so it answers from `statuses` and records each request;
 * the test then replays the recorded requests against juri.
 */
export function loadCodeGs(opts: { nowMs: number; secret: string; url: string; statuses?: number[] }) {
  const fetches: FetchCall[] = [];
  const sleeps: number[] = [];
  const statuses = [...(opts.statuses ?? [])];
  const props = new Map<string, string>([
    ['JURI_INTAKE_URL', opts.url],
    ['JURI_INTAKE_SECRET', opts.secret],
  ]);
  const logRows: unknown[][] = [];
  const sheet = {
    appendRow: (row: unknown[]) => logRows.push(row),
    setFrozenRows: () => undefined,
    getDataRange: () => ({ getValues: () => logRows }),
    getRange: (r: number, c: number) => ({
      setValue: (v: unknown) => {
        const row = logRows[r - 1];
        if (row) row[c - 1] = v;
      },
    }),
  };
  let tabs: Record<string, typeof sheet> = {};
  const spreadsheet = {
    getId: () => 'log-spreadsheet-id',
    getSheetByName: (name: string) => tabs[name] ?? null,
    insertSheet: (name: string) => {
      tabs = { ...tabs, [name]: sheet };
      return sheet;
    },
  };

  const context = createContext({
    Utilities: {
      Charset: { UTF_8: 'UTF-8' },
      // Apps Script returns Java bytes: signed, -128..127.
      computeHmacSha256Signature: (value: string, key: string) =>
        Array.from(new Int8Array(createHmac('sha256', key).update(value, 'utf8').digest())),
      sleep: (ms: number) => sleeps.push(ms),
    },
    UrlFetchApp: {
      fetch: (url: string, options: FetchCall['options']) => {
        fetches.push({ url, options });
        const code = statuses.shift() ?? 201;
        return { getResponseCode: () => code, getContentText: () => `{"status":${code}}` };
      },
    },
    PropertiesService: {
      getScriptProperties: () => ({
        getProperty: (k: string) => props.get(k) ?? null,
        setProperty: (k: string, v: string) => props.set(k, v),
      }),
    },
    FormApp: {
      ItemType: {
        FILE_UPLOAD: 'FILE_UPLOAD',
        TEXT: 'TEXT',
        PARAGRAPH_TEXT: 'PARAGRAPH_TEXT',
        CHECKBOX: 'CHECKBOX',
      },
      DestinationType: { SPREADSHEET: 'SPREADSHEET' },
      getActiveForm: () => ({
        getDestinationType: () => 'SPREADSHEET',
        getDestinationId: () => 'responses-sheet',
      }),
    },
    SpreadsheetApp: { openById: () => spreadsheet, create: () => spreadsheet },
  });
  runInContext(readFileSync(CODE_GS, 'utf8'), context, { filename: 'Code.gs' });
  runInContext(`Date.now = function () { return ${opts.nowMs}; };`, context);

  return {
    fetches,
    sleeps,
    logRows,
    onFormSubmit: (e: unknown) =>
      (context.onFormSubmit as (e: unknown) => { ok: boolean; attempts: number })(e),
  };
}

export interface SampleItem {
  id: number;
  title: string;
  type: string;
  response: string | string[] | string[][];
}

/**
 * The documented form-submit event object of an installable trigger: {authMode, response (FormResponse),
 * source (Form), triggerUid}, with only the methods Code.gs calls.
 */
export function formSubmitEvent(sample: {
  formId: string;
  responseId: string;
  timestamp: Date;
  respondentEmail: string;
  items: SampleItem[];
}) {
  return {
    authMode: 'FULL',
    triggerUid: '4071095',
    source: { getId: () => sample.formId },
    response: {
      getId: () => sample.responseId,
      getTimestamp: () => sample.timestamp,
      getRespondentEmail: () => sample.respondentEmail,
      getItemResponses: () =>
        sample.items.map((item) => ({
          getItem: () => ({ getId: () => item.id, getTitle: () => item.title, getType: () => item.type }),
          getResponse: () => item.response,
        })),
    },
  };
}
