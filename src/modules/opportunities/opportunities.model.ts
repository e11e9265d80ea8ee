import type { Translations } from "../../platform/i18n/localized.js";
import type { OpportunityInput } from "./opportunities.schema.js";

export const SUITS = ["young", "seniors", "newcomers", "disabilities", "no_local_language"] as const;
export const COMMITMENTS = ["weekly", "one_off", "flexible"] as const;
export const SETTINGS = ["any", "one_to_one", "group"] as const;
export const OPPORTUNITY_STATUSES = ["draft", "pending", "published", "rejected"] as const;

export type Commitment = (typeof COMMITMENTS)[number];
export type Setting = (typeof SETTINGS)[number];
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];

/** What the association writes about a job: the posting's own fields. */
export interface Posting {
  categoryId: string | null;
  title: string;
  tasks: string;
  benefits: string;
  commitment: Commitment;
  /** Only for weekly jobs. */
  hoursPerWeek: number | null;
  /** Only for one-off jobs. */
  oneOffDate: string | null;
  place: string | null;
  postcode: string | null;
  remote: boolean;
  startDate: string | null;
  needsCertificate: boolean;
  minAge: number | null;
  /** Language codes the volunteer may speak. */
  languages: string[];
  /** Codes of whom the job suits. */
  suits: string[];
  /** Week slots ("mon-morning"); empty when the volunteer chooses the time. */
  slots: string[];
  setting: Setting;
  stepFree: boolean;
  contactName: string;
  contactEmail: string;
  expiresOn: string;
}

/** The posting's own fields in the order its form asks for them; a change is shown and audited field by field in this order. */
export const POSTING_FIELDS = [
  "title",
  "categoryId",
  "tasks",
  "benefits",
  "commitment",
  "hoursPerWeek",
  "oneOffDate",
  "startDate",
  "slots",
  "place",
  "postcode",
  "remote",
  "setting",
  "stepFree",
  "needsCertificate",
  "minAge",
  "languages",
  "suits",
  "contactName",
  "contactEmail",
  "expiresOn",
] as const satisfies readonly (keyof Posting)[];

/** A volunteer job as services and views see it. */
export interface Opportunity extends Posting {
  id: string;
  tenantId: string;
  associationId: string;
  associationName: string;
  status: OpportunityStatus;
  reviewNote: string | null;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  renewalRemindedAt: string | null;
  /** The title, tasks and benefits in other languages, for readers of those. */
  translations?: Translations<"title" | "tasks" | "benefits">;
}

/** A job on its association's own list, with how many confirmed applications it has. */
export type AssociationOpportunity = Opportunity & { applications: number };

/** Anyone may see a job that is published and has not run out. */
export const isPublic = (o: Pick<Opportunity, "status" | "expiresOn">, today: string) => o.status === "published" && o.expiresOn >= today;

/** When the job is first shown as published: its publication, or its last change for older rows. */
export const postedAt = (o: Pick<Opportunity, "publishedAt" | "updatedAt">) => o.publishedAt ?? o.updatedAt;

/** What the form says, as the posting keeps it: hours only for weekly jobs, a date only for one-off ones. */
export function postingOf(p: OpportunityInput): Posting {
  return {
    categoryId: p.categoryId,
    title: p.title,
    tasks: p.tasks,
    benefits: p.benefits,
    commitment: p.commitment,
    hoursPerWeek: p.commitment === "weekly" ? p.hoursPerWeek : null,
    oneOffDate: p.commitment === "one_off" ? p.oneOffDate : null,
    place: p.place || null,
    postcode: p.postcode || null,
    remote: p.remote,
    startDate: p.startDate,
    needsCertificate: p.needsCertificate,
    minAge: p.minAge,
    languages: p.languages,
    suits: p.suits,
    slots: p.slots,
    setting: p.setting,
    stepFree: p.stepFree,
    contactName: p.contactName,
    contactEmail: p.contactEmail,
    expiresOn: p.expiresOn as string,
  };
}

/** The posting as its form shows it again, for editing or as a copy. */
export function postingFormValues(o: Posting): Record<string, string> {
  return {
    title: o.title,
    categoryId: o.categoryId ?? "",
    tasks: o.tasks,
    benefits: o.benefits,
    commitment: o.commitment,
    hoursPerWeek: o.hoursPerWeek?.toString() ?? "",
    oneOffDate: o.oneOffDate ?? "",
    place: o.place ?? "",
    postcode: o.postcode ?? "",
    remote: o.remote ? "on" : "",
    startDate: o.startDate ?? "",
    needsCertificate: o.needsCertificate ? "on" : "",
    minAge: o.minAge?.toString() ?? "",
    languages: o.languages.join(","),
    suits: o.suits.join(","),
    slots: o.slots.join(","),
    setting: o.setting,
    stepFree: o.stepFree ? "on" : "",
    contactName: o.contactName,
    contactEmail: o.contactEmail,
    expiresOn: o.expiresOn,
  };
}
