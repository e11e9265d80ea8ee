import type { BridgeCasesTable, BridgeFollowUpsTable, BridgePicksTable, BridgeReferralsTable } from "./bridge.table.js";

/** Who referred the person: themselves, a municipal worker, an association, or the centre's own staff. */
export const SOURCES = ["self", "municipality", "association", "centre"] as const;
/** The municipal unit a referral came from. */
export const SOURCE_UNITS = ["jobcentre", "social_psychiatry", "health", "housing", "other"] as const;
/** What the person consents to; bridge-building itself is always one of them. */
export const PURPOSES = ["bridge_building", "share_with_association", "companion", "follow_up", "figures"] as const;
export const CONSENT_HOW = ["in_person", "phone", "written", "digital"] as const;
export const CONSENT_COPY = ["email", "print"] as const;
/** What makes it hard, as a few structured needs (special-category: sealed). */
export const NEEDS = ["company_first_times", "step_free", "quiet_place", "language", "small_group", "fixed_contact"] as const;
/** What the person may agree to show the association they are referred to. */
export const SHARE_FIELDS = ["first_name", "contact", "languages", "needs", "wishes", "times"] as const;
export const STATUSES = ["awaiting_consent", "intake", "choosing", "handed_over", "taking_part", "closed"] as const;
export const OUTCOMES = ["still_coming", "stopped", "never_started"] as const;
export const REFERRAL_STATUSES = ["sent", "accepted", "declined", "withdrawn"] as const;

export type Source = (typeof SOURCES)[number];
export type SourceUnit = (typeof SOURCE_UNITS)[number];
export type Purpose = (typeof PURPOSES)[number];
export type ConsentHow = (typeof CONSENT_HOW)[number];
export type Need = (typeof NEEDS)[number];
export type ShareField = (typeof SHARE_FIELDS)[number];
export type CaseStatus = BridgeCasesTable["status"];
export type Outcome = NonNullable<BridgeFollowUpsTable["outcome"]>;

/** Without consent only a first name and a way to reach the person are kept, and only this long. */
export const DAYS_WITHOUT_CONSENT = 14;

export interface Consent {
  at: string;
  /** Who recorded it (the person themself for a self-referral). */
  by: string | null;
  purposes: Purpose[];
  how: ConsentHow;
  copy: (typeof CONSENT_COPY)[number];
}

/** A person on their way into a community, as bridge-builders see the case. */
export interface BridgeCase {
  id: string;
  tenantId: string;
  firstName: string;
  contact: string;
  personId: string | null;
  language: string | null;
  source: Source;
  sourceUnit: SourceUnit | null;
  referredBy: string | null;
  referringAssociationId: string | null;
  reason: string;
  status: CaseStatus;
  builderId: string | null;
  consent: Consent | null;
  wishes: string;
  interests: string[];
  resources: string;
  needs: Need[];
  notes: string;
  slots: string[];
  postcode: string | null;
  languages: string[];
  intakeAt: string | null;
  shareFields: ShareField[];
  companionId: string | null;
  companionSince: string | null;
  purgeAfter: string | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  /** The other bridge-builders it is shared with. */
  sharedWith: string[];
}

export interface BridgeNote {
  id: string;
  caseId: string;
  authorId: string | null;
  body: string;
  createdAt: string;
}

export interface BridgePick {
  id: string;
  caseId: string;
  kind: BridgePicksTable["kind"];
  targetId: string;
  associationId: string | null;
  title: string;
  category: string | null;
  pickedBy: BridgePicksTable["picked_by"];
  chosen: boolean;
  createdAt: string;
}

/** What the association is shown of the person: only the fields the person agreed to share. */
export type SharedDetails = Partial<{ firstName: string; contact: string; languages: string[]; needs: Need[]; wishes: string; times: string[] }>;

export interface BridgeReferral {
  id: string;
  caseId: string;
  pickId: string | null;
  associationId: string;
  status: BridgeReferralsTable["status"];
  shared: SharedDetails;
  sentBy: string | null;
  sentAt: string;
  answeredBy: string | null;
  answeredAt: string | null;
  declineReason: string | null;
  firstMeetingAt: string | null;
  meetingPlace: string | null;
  metAt: string | null;
  welcomeItems: string[];
  welcomeDone: number[];
}

export interface Companion {
  userId: string;
  postcode: string | null;
  languages: string[];
  slots: string[];
  trainedOn: string | null;
  active: boolean;
  createdAt: string;
}

export interface FollowUp {
  id: string;
  caseId: string;
  months: number;
  dueOn: string;
  doneAt: string | null;
  outcome: Outcome | null;
  why: string;
  personWords: string;
  recordedBy: string | null;
  remindedAt: string | null;
}

export interface BridgeSettings {
  followUpMonths: number[];
  retentionMonths: number;
  /** The centre's own checklist; empty: the default items from the catalog. */
  welcomeItems: string[];
}

export const DEFAULT_SETTINGS: BridgeSettings = { followUpMonths: [1, 3, 6], retentionMonths: 12, welcomeItems: [] };
