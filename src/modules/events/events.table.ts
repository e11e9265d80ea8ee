import type { ColumnType, Generated } from "kysely";

export type EventKind = "course" | "theme_meeting" | "network_meeting" | "regional_gathering" | "social" | "fair";
export type EventStatus = "pending" | "published" | "rejected" | "cancelled";
export type RegistrationStatus = "unconfirmed" | "registered" | "waiting" | "offered" | "cancelled" | "expired";

export interface EventsTable {
  id: string;
  tenant_id: string;
  kind: EventKind;
  organiser: "centre" | "municipality" | "association";
  association_id: string | null;
  title: string;
  description: string;
  category_id: string | null;
  /** Comma-separated codes. */
  target_groups: Generated<string>;
  languages: Generated<string>;
  accessibility: Generated<string>;
  place: "premise" | "address" | "online";
  premise_id: string | null;
  place_name: string | null;
  address: string | null;
  postcode: string | null;
  online_url: string | null;
  price: "free" | "cost";
  price_minor: number | null;
  currency: string;
  capacity: number;
  max_per_registration: Generated<number>;
  registration_opens_at: string | null;
  registration_closes_at: string | null;
  /** JSON: the extra questions, `EventQuestion[]`. */
  questions: Generated<string>;
  contact_email: string;
  status: EventStatus;
  review_note: string | null;
  starts_at: string;
  ends_at: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  cancelled_at: string | null;
  /** JSON: a change an association sent to its published event, waiting for staff (eventroom). */
  pending_change: ColumnType<string | null, string | null | undefined, string | null>;
  pending_since: ColumnType<string | null, string | null | undefined, string | null>;
  /** A network's meeting: seen only by the network's members and staff (networks). */
  network_id: string | null;
  /** Only for the members in this member group (members); null is open to everyone. */
  member_group_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface EventSessionsTable {
  id: string;
  tenant_id: string;
  event_id: string;
  starts_at: string;
  ends_at: string;
}

export interface EventRegistrationsTable {
  id: string;
  tenant_id: string;
  event_id: string;
  group_id: string;
  user_id: string | null;
  association_id: string | null;
  name: string;
  email: string;
  phone: string | null;
  status: RegistrationStatus;
  queue_no: number | null;
  offer_expires_at: string | null;
  /** JSON of the answers to the extra questions that are not sensitive. */
  answers: Generated<string>;
  /** Sealed JSON of the answers to sensitive questions; null once deleted. */
  sensitive_answers: string | null;
  overbooked: Generated<number>;
  added_by: string | null;
  /** The language the person registered in: their mails are written in it. */
  language: string;
  created_at: string;
  confirmed_at: string | null;
  updated_at: string;
  reminded_at: string | null;
}

export interface EventAttendanceTable {
  tenant_id: string;
  registration_id: string;
  session_id: string;
  present: number;
  marked_by: string | null;
  marked_at: string;
}

/** These tables in the database interface, so `db/schema.ts` need not know them. */
declare module "../../db/schema.js" {
  interface DB {
    events: EventsTable;
    event_sessions: EventSessionsTable;
    event_registrations: EventRegistrationsTable;
    event_attendance: EventAttendanceTable;
  }
}
