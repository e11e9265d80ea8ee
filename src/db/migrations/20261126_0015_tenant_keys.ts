import { type Kysely, sql } from "kysely";
import { addTenantKey, addTenantReference, dropTenantKey, dropTenantReference } from "../portable.js";

// Frozen: never import app code here, never edit once landed.

/**
 * Every column that names a row of another tenant-owned table: [table, column, the table it names].
 * From here on such a row may only name rows of its own tenant (decision 0009). A later migration
 * that adds a table naming another calls addTenantReference for it the same way, and one that
 * rebuilds a table on SQLite adds its lines again (the triggers go with the old table).
 * Left out on purpose: who did something (audit_log.actor_id, api_tokens.created_by,
 * user_roles.granted_by, bookings.decided_by), which outlives the person, and search_documents.ref_id,
 * which names rows of several tables.
 */
export const TENANT_REFERENCES = [
  ["user_roles", "user_id", "users"],
  ["sessions", "user_id", "users"],
  ["sessions", "active_association_id", "associations"],
  ["email_tokens", "user_id", "users"],
  ["user_identities", "user_id", "users"],
  ["user_identities", "provider_id", "oidc_providers"],
  ["association_members", "association_id", "associations"],
  ["association_members", "user_id", "users"],
  ["associations", "logo_file_id", "files"],
  ["opportunities", "association_id", "associations"],
  ["opportunities", "category_id", "taxonomy_terms"],
  ["applications", "opportunity_id", "opportunities"],
  ["applications", "user_id", "users"],
  ["application_messages", "application_id", "applications"],
  ["application_messages", "author_id", "users"],
  ["volunteer_profiles", "user_id", "users"],
  ["matching_consents", "citizen_id", "users"],
  ["matching_consents", "staff_id", "users"],
  ["saved_searches", "user_id", "users"],
  ["offers", "association_id", "associations"],
  ["offers", "category_id", "taxonomy_terms"],
  ["premises", "parent_id", "premises"],
  ["premise_hours", "premise_id", "premises"],
  ["premise_closures", "premise_id", "premises"],
  ["premise_photos", "premise_id", "premises"],
  ["premise_photos", "file_id", "files"],
  ["bookings", "premise_id", "premises"],
  ["bookings", "association_id", "associations"],
  ["bookings", "user_id", "users"],
  ["booking_occurrences", "booking_id", "bookings"],
  ["booking_occurrences", "premise_id", "premises"],
  ["occupancy", "occurrence_id", "booking_occurrences"],
  ["occupancy", "premise_id", "premises"],
  ["calendar_tokens", "association_id", "associations"],
  ["allocation_applications", "round_id", "allocation_rounds"],
  ["allocation_applications", "association_id", "associations"],
  ["allocation_applications", "user_id", "users"],
  ["allocation_applications", "first_premise_id", "premises"],
  ["allocation_applications", "second_premise_id", "premises"],
  ["allocation_applications", "placed_premise_id", "premises"],
  ["allocation_applications", "booking_id", "bookings"],
] as const;

const referenced = [...new Set(TENANT_REFERENCES.map(([, , table]) => table))];

/** Rows that already name another tenant's row (or none) stop the migration: someone has to look at them. */
async function refuseCrossTenantRows(db: Kysely<unknown>) {
  const found: string[] = [];
  for (const [table, column, target] of TENANT_REFERENCES) {
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)} x
      where x.${sql.ref(column)} is not null
        and not exists (select 1 from ${sql.table(target)} r where r.id = x.${sql.ref(column)} and r.tenant_id = x.tenant_id)`.execute(db);
    const n = Number(rows[0]?.n ?? 0);
    if (n > 0) found.push(`${table}.${column}: ${n}`);
  }
  if (found.length > 0) {
    throw new Error(`These rows name a row of another tenant, or one that is gone; correct or delete them, then start again: ${found.join(", ")}`);
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await refuseCrossTenantRows(db);
  for (const table of referenced) await addTenantKey(db, table);
  for (const [table, column, target] of TENANT_REFERENCES) await addTenantReference(db, table, column, target);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [table, column] of TENANT_REFERENCES) await dropTenantReference(db, table, column);
  for (const table of referenced) await dropTenantKey(db, table);
}
