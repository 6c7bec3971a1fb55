import type { z } from 'zod';

export type IssueParam = string | number | boolean | readonly (string | number)[];

/**
 * Something wrong with one part of an input (a config path, a submission field), as a code and the
 * values its message needs. shared/messages renders it in the reader's language.
 */
export interface Issue {
  /** `stages[0].tieBreak[0]`, `region`, or `(root)`. */
  path: string;
  /** Our own codes (`required`, `unknownRegion`, …), or `zod.<code>` for a check zod made itself. */
  code: string;
  params?: Record<string, IssueParam>;
}

/** Our schemas name a message by a bare key (`required`); zod's own messages are sentences. */
const OWN_KEY = /^[a-z][A-Za-z]*$/;

export function issuesOf(error: z.ZodError): Issue[] {
  return error.issues.map(toIssue);
}

function toIssue(i: z.core.$ZodIssue): Issue {
  const path = formatPath(i.path);
  const params = paramsOf(i);
  if (i.code === 'custom') {
    const own = (i.params ?? {}) as { key?: string; args?: Record<string, IssueParam> };
    return { path, code: own.key ?? i.message, ...(own.args ? { params: own.args } : {}) };
  }
  const code = OWN_KEY.test(i.message) ? i.message : `zod.${i.code}`;
  return { path, code, ...(Object.keys(params).length > 0 ? { params } : {}) };
}

/** What a zod message needs, never the input itself (it may be personal data): only its type. */
function paramsOf(i: z.core.$ZodIssue): Record<string, IssueParam> {
  const out: Record<string, IssueParam> = {};
  for (const [key, value] of Object.entries(i)) {
    if (key === 'path' || key === 'message' || key === 'code' || key === 'input' || key === 'params')
      continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      out[key] = value;
    else if (typeof value === 'bigint') out[key] = Number(value);
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number'))
      out[key] = value as (string | number)[];
  }
  if ('input' in i) out.received = typeName(i.input);
  return out;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(root)';
}
