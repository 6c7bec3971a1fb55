import { raw } from 'hono/html';
import { stackLabels } from './stack-table.ts';

/** A column of a stacking table: its header, and (null) when its cells need no name on a phone. */
export type StackColumn = string | { label: string; class?: string; phone?: null };

/**
 * The header row of a table that stacks on a phone, with that table kind's phone labels beside it: a table
 * cannot get one without the other, so no card on a phone loses its column names. The `<style>` sits in the
 * `<thead>`, where HTML parses it as it would in the head; `kind` is the table's own class.
 */
export function StackHead(props: { kind: string; columns: readonly StackColumn[] }) {
  const columns = props.columns.map((c) => (typeof c === 'string' ? { label: c } : c));
  const labels = columns.map((c) => (c.phone === null || c.label === '' ? null : c.label));
  return (
    <thead>
      <style>{raw(stackLabels(props.kind, labels))}</style>
      <tr>
        {columns.map((c) => (
          <th scope="col" class={c.class}>
            {c.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
