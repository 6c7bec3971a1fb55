/** Indonesian numbers as typed ("0812-3456-7890", "+62 812…", "(0380) 821234") → +62…, or undefined. */
export function normalizePhone(input: string): string | undefined {
  const compact = input.replace(/[\s\-.()]/g, '');
  const m = /^(?:\+62|62|0)(8\d{7,11}|[1-79]\d{6,10})$/.exec(compact);
  return m ? `+62${m[1]}` : undefined;
}
