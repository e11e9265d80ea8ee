import type { AssociationRole } from "../../platform/auth/policy.js";
import type { Translations } from "../../platform/i18n/localized.js";
import type { PendingChange } from "../../platform/moderation/pending-change.js";

/** An association as services and pages see it. */
export interface Association {
  id: string;
  tenantId: string;
  name: string;
  /** CVR (DK), organisasjonsnummer (NO) or KvK-nummer (NL). */
  registrationNumber: string | null;
  email: string;
  phone: string | null;
  /** What it tells the public about itself on its page in the directory; empty until it does. */
  description: string;
  website: string | null;
  logoFileId: string | null;
  /** When it was asked whether its page is still right, and when it was hidden for not answering. */
  staleNotifiedAt: string | null;
  hiddenAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** The description in other languages, for readers of those. */
  translations?: Translations<"description">;
}

/** Just enough of an association to name it and check who may act for it. */
export type AssociationRef = Pick<Association, "id" | "tenantId" | "name">;

/** How imports and mail recognise an association. */
export type AssociationIdentity = Pick<Association, "id" | "name" | "registrationNumber" | "email" | "phone">;

/** What the register form and the API say about an association. */
export type AssociationDetails = Pick<Association, "name" | "registrationNumber" | "email" | "phone">;

/** What the association tells the public: its text, its website and (when a new one is sent) its logo. */
export interface ProfileChange {
  description: string;
  website: string | null;
  logo: { data: Buffer; contentType: string } | null;
}

/** What the public page says, as a change to it waits and is compared: the text, the website and the logo's file. */
export type ProfileContent = Pick<Association, "description" | "website" | "logoFileId">;
export const PROFILE_FIELDS = ["description", "website", "logoFileId"] as const satisfies readonly (keyof ProfileContent)[];

/** An association whose page has a change waiting for staff. */
export interface ProfileChangeItem {
  association: Association;
  change: PendingChange<ProfileContent>;
}

export interface Member {
  id: string;
  name: string;
  email: string;
  role: AssociationRole;
  createdAt: string;
}

/** A person's membership, for their data download. */
export interface Membership {
  association: string;
  role: AssociationRole;
  memberSince: string;
}

/** An association's page nobody has changed for a year, with the address asked to confirm it. */
export interface StaleProfile {
  id: string;
  title: string;
  email: string;
  /** When the association was asked to confirm it; null until then. */
  notifiedAt: string | null;
}
