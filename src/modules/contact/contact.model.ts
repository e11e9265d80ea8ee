import type { Lang } from "../../platform/i18n/i18n.js";

/** The tenant's rules for answering: within how many (working) days, when the admins hear, how long closed enquiries are kept. */
export interface ContactSettings {
  answerDays: number;
  workingDays: boolean;
  escalateDays: number;
  keepMonths: number;
}

export const DEFAULT_SETTINGS: ContactSettings = { answerDays: 5, workingDays: false, escalateDays: 3, keepMonths: 12 };

/** A topic's name in the tenant's languages. */
export type TopicName = Partial<Record<Lang, string>>;

/** What citizens can write about, and who answers: a staff person of the tenant, or else the unit's shared inbox. */
export interface Topic {
  id: string;
  tenantId: string;
  name: TopicName;
  unitName: string;
  staffUserId: string | null;
  inboxEmail: string | null;
  position: number;
  active: boolean;
}

export const ENQUIRY_STATUSES = ["new", "answered", "closed"] as const;
export type EnquiryStatus = (typeof ENQUIRY_STATUSES)[number];

export interface Enquiry {
  id: string;
  tenantId: string;
  topicId: string;
  senderName: string;
  senderEmail: string;
  senderPhone: string | null;
  language: Lang;
  message: string;
  status: EnquiryStatus;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: string | null;
  /** For the staff only; never shown or mailed to the sender. */
  internalNote: string;
  dueAt: string;
  remindedAt: string | null;
  escalatedAt: string | null;
  closedAt: string | null;
  createdAt: string;
}

/** What the sender sees by the follow link: never the internal note, never who answered. */
export interface FollowView {
  topicName: string;
  unitName: string;
  status: EnquiryStatus;
  message: string;
  answer: string | null;
  answeredAt: string | null;
  dueAt: string;
  createdAt: string;
}

/** Who may see an enquiry: its tenant and the topic's staff person (none for a unit's shared inbox). */
export interface EnquiryAccess {
  tenantId: string;
  responsibleUserId: string | null;
}

/** The name in the reader's language, else the tenant's first language that has one. */
export function topicName(name: TopicName, lang: Lang, fallback: readonly Lang[]): string {
  return name[lang] || fallback.map((l) => name[l]).find(Boolean) || Object.values(name).find(Boolean) || "";
}
