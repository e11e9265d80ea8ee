import type { StandSize, StandStatus } from "./fair.table.js";

export type { StandSize, StandStatus };
export const STAND_SIZES: readonly StandSize[] = ["small", "medium", "large"];

/** An association's stand at a fair: what it asked for and, once staff have placed it, its number. */
export interface FairStand {
  id: string;
  tenantId: string;
  eventId: string;
  associationId: string;
  associationName: string;
  associationLogoFileId: string | null;
  categoryId: string | null;
  size: StandSize;
  needsPower: boolean;
  needsTable: boolean;
  shows: string;
  status: StandStatus;
  standNumber: string | null;
  /** The short code of the visitors' page the sign's QR code opens. */
  code: string;
  appliedBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What a visitor said they would like to hear about: some of the association's jobs, and a line of their own. */
export interface LeadInterests {
  jobs: { id: string; title: string }[];
  other: string;
}

/** A visitor's interest left at a stand. */
export interface FairLead {
  id: string;
  standId: string;
  associationId: string;
  email: string;
  name: string | null;
  interests: LeadInterests;
  consentVersion: string;
  consentedAt: string;
  createdAt: string;
  eventId: string;
  eventTitle: string;
  standNumber: string | null;
}

/** What was agreed at a fair between associations, businesses and the municipality. */
export interface FairAgreement {
  id: string;
  tenantId: string;
  eventId: string;
  associationIds: string[];
  otherParties: string;
  agreed: string;
  followUpOn: string;
  remindedAt: string | null;
  recordedBy: string | null;
  createdAt: string;
}

/** The consent text a visitor agrees to; its version is stored with each lead. Leads are kept this many months after the fair. */
export const LEAD_CONSENT_VERSION = "fair-lead-1";
export const LEAD_KEEP_MONTHS = 6;
export const FOLLOW_UP_MONTHS = 3;
