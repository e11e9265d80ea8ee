import type { SealedField } from "../platform/crypto/reseal.js";
import type { PersonalDataSource } from "../platform/privacy/data-subject.js";
import { platformData } from "../platform/privacy/platform-data.js";
import { modules } from "./index.js";

/**
 * Every module that holds data naming a person: each hands over its part of the person's data download
 * and forgets it on erasure. The platform's tables (the account, mails, logs) come last, so that the
 * modules still find the account while they erase. Read when asked, as the registry imports this module's users.
 */
export const personalDataSources = (): PersonalDataSource[] => [...modules.flatMap((m) => (m.personalData ? [m.personalData] : [])), platformData];

/**
 * Columns that look as if they named a person but do not: an organisation's own contact details,
 * which the organisation keeps up, and machine names. A test holds every person-like column to a
 * source above or to this list.
 */
export const notAPerson = (): Record<string, string> => ({
  "tenants.contact_email": "the municipality's or centre's own address",
  "jobs.locked_by": "the app instance running a job",
  ...Object.assign({}, ...modules.map((m) => m.notAPerson ?? {})),
});

/** Every special-category text field sealed at rest with the data key. */
export const sealedFields = (): SealedField[] => modules.flatMap((m) => m.sealedFields ?? []);
