/**
 * Bridge-building's tables. Columns marked sealed hold text encrypted by the application
 * (platform/crypto, decision 0012); lists are comma-separated codes (db/lists.ts).
 */
export interface BridgeSettingsTable {
  tenant_id: string;
  /** Comma-separated months after the first meeting when a follow-up falls due ("1,3,6"). */
  follow_up_months: string;
  retention_months: number;
  /** JSON list of the welcome checklist's items as the centre wrote them; empty list: the default items. */
  welcome_items: string;
  updated_at: string;
}

export interface BridgeCasesTable {
  id: string;
  tenant_id: string;
  /** Sealed. */
  first_name: string;
  /** Sealed: an e-mail address or a phone number. */
  contact: string;
  /** secret-hash of the contact when it is an e-mail address, so a data request by e-mail finds the case. */
  contact_hash: string | null;
  /** The person's own account, when they have one (a self-referral while signed in). */
  person_id: string | null;
  language: string | null;
  source: "self" | "municipality" | "association" | "centre";
  source_unit: "jobcentre" | "social_psychiatry" | "health" | "housing" | "other" | null;
  referred_by: string | null;
  referring_association_id: string | null;
  /** Sealed; empty until consent is recorded. */
  reason: string;
  status: "awaiting_consent" | "intake" | "choosing" | "handed_over" | "taking_part" | "closed";
  builder_id: string | null;
  consent_at: string | null;
  consent_by: string | null;
  consent_purposes: string;
  consent_how: "in_person" | "phone" | "written" | "digital" | null;
  consent_copy: "email" | "print" | null;
  /** Sealed. */
  wishes: string;
  interests: string;
  /** Sealed. */
  resources: string;
  /** Sealed list of need codes. */
  needs: string;
  /** Sealed. */
  notes: string;
  time_slots: string;
  postcode: string | null;
  languages: string;
  intake_at: string | null;
  /** What the person agreed may be shown to the association they are referred to. */
  share_fields: string;
  companion_id: string | null;
  companion_since: string | null;
  /** When the whole case is deleted: 14 days after a referral without consent, or the retention after the last follow-up. */
  purge_after: string | null;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

export interface BridgeCaseSharesTable {
  tenant_id: string;
  case_id: string;
  user_id: string;
  shared_at: string;
}

export interface BridgeNotesTable {
  id: string;
  tenant_id: string;
  case_id: string;
  author_id: string | null;
  /** Sealed. */
  body: string;
  created_at: string;
}

export interface BridgePicksTable {
  id: string;
  tenant_id: string;
  case_id: string;
  kind: "offer" | "opportunity" | "event" | "association";
  target_id: string;
  association_id: string | null;
  title: string;
  category: string | null;
  picked_by: "matching" | "builder";
  chosen: number;
  created_at: string;
}

export interface BridgeReferralsTable {
  id: string;
  tenant_id: string;
  case_id: string;
  pick_id: string | null;
  association_id: string;
  status: "sent" | "accepted" | "declined" | "withdrawn";
  /** Sealed JSON: the fields the person agreed to share, copied when the referral was sent. */
  shared: string;
  sent_by: string | null;
  sent_at: string;
  answered_by: string | null;
  answered_at: string | null;
  decline_reason: string | null;
  /** Local date and time of the first meeting the association proposes. */
  first_meeting_at: string | null;
  meeting_place: string | null;
  met_at: string | null;
  /** JSON list of the checklist's items when the referral was sent. */
  welcome_items: string;
  /** Comma-separated indexes of the items ticked. */
  welcome_done: string;
}

export interface BridgeCompanionsTable {
  tenant_id: string;
  user_id: string;
  postcode: string | null;
  languages: string;
  time_slots: string;
  trained_on: string | null;
  active: number;
  created_at: string;
}

export interface BridgeFollowUpsTable {
  id: string;
  tenant_id: string;
  case_id: string;
  months: number;
  due_on: string;
  done_at: string | null;
  outcome: "still_coming" | "stopped" | "never_started" | null;
  /** Sealed. */
  why: string;
  /** Sealed. */
  person_words: string;
  recorded_by: string | null;
  reminded_at: string | null;
}

export interface BridgeMailsTable {
  tenant_id: string;
  case_id: string;
  mail_id: string;
}

/** These tables in the database interface, so `db/schema.ts` need not know them. */
declare module "../../db/schema.js" {
  interface DB {
    bridge_settings: BridgeSettingsTable;
    bridge_cases: BridgeCasesTable;
    bridge_case_shares: BridgeCaseSharesTable;
    bridge_notes: BridgeNotesTable;
    bridge_picks: BridgePicksTable;
    bridge_referrals: BridgeReferralsTable;
    bridge_companions: BridgeCompanionsTable;
    bridge_follow_ups: BridgeFollowUpsTable;
    bridge_mails: BridgeMailsTable;
  }
}
