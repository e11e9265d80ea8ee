/**
 * A change to an approved page that waits for staff (pre-moderation): the approved version stays
 * public, search and open data keep showing it, and approval copies the change into the record.
 * Each module keeps its own change beside its record (`pending_change`, `pending_since`); these pure
 * helpers are what the modules share. Why beside, not in the record: docs/decisions/0014.
 */

/** What an editor sent and when; `content` has the same fields as the record's own content. */
export interface PendingChange<T> {
  content: T;
  since: string;
}

/** One field of a record before and after a change. */
export interface FieldDiff<K extends string = string> {
  field: K;
  before: unknown;
  after: unknown;
  changed: boolean;
}

/** Lists compare as sets (the order of ticked boxes means nothing); empty text and no value are the same. */
function normal(v: unknown): unknown {
  if (Array.isArray(v)) return [...v].map(String).sort();
  if (v === "" || v === undefined) return null;
  return v;
}

export const sameValue = (a: unknown, b: unknown) => JSON.stringify(normal(a)) === JSON.stringify(normal(b));

/** Field by field, in the order given: what it was, what it would become, and whether it differs. */
export function diffFields<T extends object, K extends keyof T & string>(before: T, after: T, fields: readonly K[]): FieldDiff<K>[] {
  return fields.map((field) => ({ field, before: before[field], after: after[field], changed: !sameValue(before[field], after[field]) }));
}

/** The names of the fields a change alters, for the audit row. */
export const changedFields = <T extends object, K extends keyof T & string>(before: T, after: T, fields: readonly K[]) =>
  diffFields(before, after, fields)
    .filter((d) => d.changed)
    .map((d) => d.field);

/** Whether a save of this record waits for staff: only under pre-moderation, and only once it is public. */
export const waitsForApproval = (moderation: "pre" | "post", approved: boolean) => moderation === "pre" && approved;

/** The stored change, read back: the one place its JSON is parsed (the repositories' mappers call it). */
export function readPendingChange<T>(json: string | null, since: string | null): PendingChange<T> | null {
  if (!json || !since) return null;
  return { content: JSON.parse(json) as T, since };
}

/** The columns that store a change, or clear it (null). */
export const pendingColumns = <T>(change: PendingChange<T> | null) => ({
  pending_change: change ? JSON.stringify(change.content) : null,
  pending_since: change ? change.since : null,
});
