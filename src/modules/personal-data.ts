import type { SealedField } from "../platform/crypto/reseal.js";
import type { PersonalDataSource } from "../platform/privacy/data-subject.js";
import { platformData } from "../platform/privacy/platform-data.js";
import { sealedFields as applicationFields, personalData as applications } from "./applications/index.js";
import { personalData as associations } from "./associations/index.js";
import { personalData as matching, sealedFields as matchingFields } from "./matching/index.js";
import { personalData as jobContacts } from "./opportunities/index.js";
import { personalData as premises } from "./premises/index.js";
import { personalData as savedSearches } from "./search/index.js";

/**
 * Every module that holds data naming a person: each hands over its part of the person's data download
 * and forgets it on erasure. The platform's tables (the account, mails, logs) come last, so that the
 * modules still find the account while they erase.
 */
export const personalDataSources: PersonalDataSource[] = [associations, applications, jobContacts, matching, savedSearches, premises, platformData];

/**
 * Columns that look as if they named a person but do not: an organisation's own contact details,
 * which the organisation keeps up, and machine names. A test holds every person-like column to a
 * source above or to this list.
 */
export const notAPerson: Record<string, string> = {
  "tenants.contact_email": "the municipality's or centre's own address",
  "associations.email": "the association's own address",
  "associations.phone": "the association's own telephone",
  "opportunities.contact_email": "the contact the association gives for a posting; shown in the data download of the person it names",
  "offers.contact_email": "the contact the association gives for an offer",
  "offers.contact_phone": "the contact the association gives for an offer",
  "jobs.locked_by": "the app instance running a job",
};

/** Every special-category text field sealed at rest with the data key. */
export const sealedFields: SealedField[] = [...applicationFields, ...matchingFields];
