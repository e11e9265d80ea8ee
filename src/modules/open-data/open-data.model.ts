import type { Lang } from "../../platform/i18n/i18n.js";
import type { Association } from "../associations/index.js";

/** An association as open data names it. */
export type OrganizationRecord = Pick<Association, "id" | "name" | "email" | "registrationNumber">;

/** A published volunteer job or offer: both are HSDS services. */
export interface ServiceRecord {
  kind: "job" | "offer";
  id: string;
  associationId: string;
  associationName: string;
  title: string;
  /** What the volunteer does, or what the offer is. */
  description: string;
  /** What the volunteer gets, or what the offer costs. */
  benefits: string;
  contactEmail: string;
  minAge: number | null;
  languages: string[];
  place: string | null;
  postcode: string | null;
  /** Done from home, with no place to go to. */
  remote: boolean;
  updatedAt: string;
  category: { id: string; code: string; labels: Partial<Record<Lang, string>> } | null;
}

/** A published job as the feed and the embed list it, newest first. */
export interface LatestJob {
  id: string;
  title: string;
  text: string;
  associationName: string;
  place: string | null;
  remote: boolean;
  updatedAt: string;
  publishedAt: string | null;
}
