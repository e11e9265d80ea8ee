import type { Database } from "../../db/database.js";
import type { Clock } from "../clock.js";
import type { Keyring } from "../crypto/sealed.js";

/** The person a data download or an erasure is about. */
export interface DataSubject {
  tenantId: string;
  /** Their account, when they have one. */
  userId: string | null;
  /**
   * The e-mail address shown to be theirs (a verified account's, or the one a data request link was
   * mailed to): what was given under it without an account is theirs too. Null when unproven.
   */
  email: string | null;
}

export interface Erasure {
  clock: Clock;
  /** Stands in for the person's id wherever a record must stay accountable (audit trail, decisions they made as staff). */
  pseudonym: string;
}

/** One module's share of what Sammen holds about a person: what it hands over, and how it forgets. */
export interface PersonalDataSource {
  /** Every `table.column` that names a person which this source reads and erases or pseudonymises; a test holds this to the schema. */
  columns: readonly string[];
  read(db: Database, ring: Keyring, subject: DataSubject): Promise<Record<string, unknown>>;
  erase(trx: Database, subject: DataSubject, erasure: Erasure): Promise<void>;
}
