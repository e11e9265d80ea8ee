import { type Kysely, PostgresAdapter, sql } from "kysely";

// Frozen: never import app code here, never edit once landed.

/** Each write to search_documents, and the row (new or old) that names its tenant. */
const EVENTS = [
  ["INSERT", "NEW"],
  ["UPDATE", "NEW"],
  ["DELETE", "OLD"],
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  // Counts the writes to a tenant's search documents, in the transaction of each write, whoever writes: read
  // with the tenant on every request, it tells an instance whether anything has committed since it last caught up.
  await db.schema
    .createTable("search_changes")
    .addColumn("tenant_id", "text", (c) => c.primaryKey().references("tenants.id").onDelete("cascade"))
    .addColumn("count", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    // Once per statement, not per row: a bulk load would otherwise update the same counter row once per document.
    await sql`CREATE FUNCTION search_documents_count_changes() RETURNS trigger AS $$
      BEGIN
        INSERT INTO search_changes (tenant_id, count) SELECT tenant_id, count(*) FROM changed_rows GROUP BY tenant_id
          ON CONFLICT (tenant_id) DO UPDATE SET count = search_changes.count + EXCLUDED.count;
        RETURN NULL;
      END $$ LANGUAGE plpgsql`.execute(db);
    for (const [event, table] of EVENTS) {
      await sql
        .raw(
          `CREATE TRIGGER search_documents_changes_${event.toLowerCase()} AFTER ${event} ON search_documents REFERENCING ${table} TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION search_documents_count_changes()`,
        )
        .execute(db);
    }
  } else {
    for (const [event, row] of EVENTS) {
      await sql
        .raw(
          `CREATE TRIGGER search_documents_changes_${event.toLowerCase()} AFTER ${event} ON search_documents BEGIN
            INSERT INTO search_changes (tenant_id, count) VALUES (${row}.tenant_id, 1) ON CONFLICT (tenant_id) DO UPDATE SET count = count + 1;
          END`,
        )
        .execute(db);
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [event] of EVENTS)
    await sql
      .raw(`DROP TRIGGER search_documents_changes_${event.toLowerCase()}${db.getExecutor().adapter instanceof PostgresAdapter ? " ON search_documents" : ""}`)
      .execute(db);
  if (db.getExecutor().adapter instanceof PostgresAdapter) await sql`DROP FUNCTION search_documents_count_changes()`.execute(db);
  await db.schema.dropTable("search_changes").execute();
}
