import type { firestore_v1 } from '@googleapis/firestore';
import type { Fields, FieldValue } from './document-backend.ts';

type Value = firestore_v1.Schema$Value;

/** Document fields ↔ Firestore REST `Value`s, with no Node-only APIs (this runs in workerd). */
export function toRestFields(fields: Fields): Record<string, Value> {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, toRestValue(v)]));
}

export function toRestValue(value: FieldValue): Value {
  if (value === null) return { nullValue: 'NULL_VALUE' };
  if (typeof value === 'boolean') return { booleanValue: value };
  if (typeof value === 'number') {
    return Number.isSafeInteger(value) ? { integerValue: String(value) } : { doubleValue: value };
  }
  if (typeof value === 'string') return { stringValue: value };
  if (value instanceof Uint8Array) return { bytesValue: toBase64(value) };
  if (Array.isArray(value)) return { arrayValue: { values: value.map(toRestValue) } };
  return { mapValue: { fields: toRestFields(value) } };
}

export function fromRestFields(fields: Record<string, Value> | null | undefined): Fields {
  return Object.fromEntries(Object.entries(fields ?? {}).map(([k, v]) => [k, fromRestValue(v)]));
}

export function fromRestValue(value: Value): FieldValue {
  if (value.booleanValue !== undefined && value.booleanValue !== null) return value.booleanValue;
  if (value.integerValue !== undefined && value.integerValue !== null) return Number(value.integerValue);
  if (value.doubleValue !== undefined && value.doubleValue !== null) return Number(value.doubleValue);
  if (value.stringValue !== undefined && value.stringValue !== null) return value.stringValue;
  if (value.timestampValue !== undefined && value.timestampValue !== null) return value.timestampValue;
  if (value.bytesValue !== undefined && value.bytesValue !== null) return fromBase64(value.bytesValue);
  if (value.arrayValue) return (value.arrayValue.values ?? []).map(fromRestValue);
  if (value.mapValue) return fromRestFields(value.mapValue.fields);
  return null;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
