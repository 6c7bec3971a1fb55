import JSZip from 'jszip';

/**
 * JSZip 3.10 encodes a string entry in slices of 16 Ki UTF-16 units, each on its own, so an emoji (a
 * surrogate pair) that straddles a slice boundary is written as two U+FFFD: exceljs hands it every
 * part of the workbook as a string, and a long sheet with one entrant's emoji lost it on every write.
 * Handing JSZip the UTF-8 bytes instead is the fix upstream proposes (Stuk/jszip pull request 963) and
 * what docx does; done once here, for every caller of JSZip in this process: each module that writes
 * through JSZip (the local workbook, the .xlsx export) imports this file. `binary` and `base64`
 * strings are bytes already and pass through.
 */
type FileCall = (this: JSZip, ...args: unknown[]) => unknown;
const marker = Symbol.for('juri.jszip-utf8');
const proto = JSZip.prototype as unknown as Record<string | symbol, unknown> & { file: FileCall };

if (!proto[marker]) {
  const original = proto.file;
  proto.file = function file(this: JSZip, ...args: unknown[]) {
    const [name, data, options] = args as [
      unknown,
      unknown,
      { binary?: boolean; base64?: boolean } | undefined,
    ];
    if (args.length >= 2 && typeof data === 'string' && !options?.binary && !options?.base64) {
      return original.call(this, name, new TextEncoder().encode(data), options);
    }
    return original.apply(this, args);
  };
  proto[marker] = true;
}
