/** A change an association sent to its published event, waiting beside it for staff. */
export interface EventChange<I = unknown> {
  /** The form as it was sent (parsed), applied as it is when staff approve. */
  input: I;
  /** The fields it changes, for staff to see. */
  fields: string[];
  since: string;
}
