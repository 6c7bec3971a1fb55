/**
 * Tables that stack on a phone: below 40rem every row becomes a small card and each cell is preceded by
 * its column's name. The names come from CSS (`td:nth-child(n)::before`), written once per table kind,
 * so a long table does not repeat its labels in every cell.
 */
export const STACK_CSS = `
@media (max-width:40rem){
table.stk thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
table.stk,table.stk tbody,table.stk tr,table.stk td{display:block;width:100%}
table.stk tr{border:1px solid #d5dbe1;border-radius:.375rem;margin:0 0 .5rem;padding:.35rem .6rem}
table.stk td{border:0;padding:.1rem 0;text-align:left!important;white-space:normal!important;overflow-wrap:anywhere}
table.stk td::before{font-weight:600;color:#4a5560}
table.stk td:empty{display:none}
.scroll table.stk.wide{min-width:0}
}
`;

/** A CSS string literal that nothing in `text` can break out of (quotes, backslashes, "</style>"). */
export function cssString(text: string): string {
  const escaped = [...text]
    .map((ch) => (/[\p{L}\p{N} .,:;()/%–—-]/u.test(ch) ? ch : `\\${ch.codePointAt(0)?.toString(16)} `))
    .join('');
  return `"${escaped}"`;
}

/** The phone labels of one table kind: `labels[i]` names column i + 1; null leaves a cell unlabelled. */
export function stackLabels(tableClass: string, labels: readonly (string | null)[]): string {
  const rules = labels
    .map((label, i) =>
      label === null
        ? ''
        : `table.${tableClass} td:nth-child(${i + 1})::before{content:${cssString(`${label}: `)}}`,
    )
    .join('');
  return `@media (max-width:40rem){${rules}}`;
}
