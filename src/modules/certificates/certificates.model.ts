import { Temporal } from "temporal-polyfill";

export const OUTCOMES = ["no_remarks", "follow_up"] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Where a volunteer is, as the board's list shows it; worked out from the dates, never stored. */
export const STAGES = ["requested", "consented", "consentLapsed", "noRemarks", "followUp", "renewalDue", "left"] as const;
export type Stage = (typeof STAGES)[number];

/** Days before the renewal day the board is reminded, and the list says "due for renewal". */
export const RENEWAL_NOTICE_DAYS = 30;
/** Days a consent lasts when the board does not say (in Denmark the volunteer's digital consent lasts a limited time). */
export const CONSENT_DAYS = 14;
/** Months after the volunteer left, or the certificate or the consent lapsed, that the record is deleted. */
export const RETENTION_MONTHS = 6;

export interface Certificate {
  id: string;
  tenantId: string;
  associationId: string;
  opportunityId: string | null;
  name: string;
  email: string;
  requestedOn: string;
  requestedBy: string | null;
  consentedOn: string | null;
  consentLapsesOn: string | null;
  consentRecordedBy: string | null;
  outcome: Outcome | null;
  assessedOn: string | null;
  assessedBy: string | null;
  renewOn: string | null;
  leftOn: string | null;
  note: string;
  renewalRemindedAt: string | null;
  lapseRemindedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

const plusDays = (day: string, days: number) => Temporal.PlainDate.from(day).add({ days }).toString();
export const plusMonths = (day: string, months: number) => Temporal.PlainDate.from(day).add({ months }).toString();

/** The stage of a certificate on a day. */
export function stageOf(c: Certificate, today: string): Stage {
  if (c.leftOn) return "left";
  if (c.outcome) {
    if (c.renewOn && plusDays(today, RENEWAL_NOTICE_DAYS) >= c.renewOn) return "renewalDue";
    return c.outcome === "no_remarks" ? "noRemarks" : "followUp";
  }
  if (c.consentedOn) return c.consentLapsesOn && c.consentLapsesOn < today ? "consentLapsed" : "consented";
  return "requested";
}

/** The day the record is deleted: some months after the volunteer left, or what it rests on lapsed. */
export function deleteOn(c: Certificate): string {
  const from = c.leftOn ?? c.renewOn ?? c.consentLapsesOn ?? plusDays(c.requestedOn, CONSENT_DAYS);
  return plusMonths(from, RETENTION_MONTHS);
}

export const defaultLapse = (consentedOn: string) => plusDays(consentedOn, CONSENT_DAYS);
