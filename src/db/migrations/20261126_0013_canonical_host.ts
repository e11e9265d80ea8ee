import { type Kysely, sql } from "kysely";

// Frozen: never import app code here, never edit once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  // The one host name a tenant's e-mail links and feeds point to, whatever host a request came in on.
  await db.schema.alterTable("tenants").addColumn("canonical_host", "text").execute();
  await sql`
    update tenants set canonical_host = (
      select host from tenant_hosts where tenant_hosts.tenant_id = tenants.id order by is_default desc, host limit 1
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("tenants").dropColumn("canonical_host").execute();
}
