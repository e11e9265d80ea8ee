import { type Kysely, sql } from "kysely";

// Frozen: never import app code here, never edit once landed.

/** The four levels every tenant starts with (the Danish municipalities' usual scale), in the four languages. */
const DEFAULTS: { id: string; names: Record<string, string>; descriptions: Record<string, string> }[] = [
  {
    id: "information",
    names: { da: "Information", en: "Information", nb: "Informasjon", nl: "Informatie" },
    descriptions: {
      da: "Vi holder hinanden orienteret.",
      en: "We keep each other informed.",
      nb: "Vi holder hverandre orientert.",
      nl: "We houden elkaar op de hoogte.",
    },
  },
  {
    id: "dialogue",
    names: { da: "Dialog", en: "Dialogue", nb: "Dialog", nl: "Dialoog" },
    descriptions: {
      da: "Vi drøfter opgaverne sammen.",
      en: "We talk the tasks over together.",
      nb: "Vi drøfter oppgavene sammen.",
      nl: "We bespreken de taken samen.",
    },
  },
  {
    id: "cooperation",
    names: { da: "Samarbejde", en: "Cooperation", nb: "Samarbeid", nl: "Samenwerking" },
    descriptions: {
      da: "Vi løser opgaver sammen.",
      en: "We carry out tasks together.",
      nb: "Vi løser oppgaver sammen.",
      nl: "We voeren taken samen uit.",
    },
  },
  {
    id: "partnership",
    names: { da: "Partnerskab", en: "Partnership", nb: "Partnerskap", nl: "Partnerschap" },
    descriptions: {
      da: "Vi deler mål, ansvar og midler.",
      en: "We share goals, responsibility and means.",
      nb: "Vi deler mål, ansvar og midler.",
      nl: "We delen doelen, verantwoordelijkheid en middelen.",
    },
  },
];

export async function up(db: Kysely<unknown>): Promise<void> {
  // The tenant's own scale of cooperation levels, in order. An agreement's `level` names one by its id;
  // the four defaults keep the ids agreements already hold (information, dialogue, cooperation, partnership).
  await db.schema
    .createTable("agreement_levels")
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    // JSON: the name and the short description in each of the tenant's languages.
    .addColumn("names", "text", (c) => c.notNull())
    .addColumn("descriptions", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("agreement_levels_pk", ["tenant_id", "id"])
    .execute();
  await db.schema.createIndex("agreement_levels_tenant_position").on("agreement_levels").columns(["tenant_id", "position"]).execute();

  // Why an agreement was ended, written on the confirmation page.
  await db.schema
    .alterTable("agreements")
    .addColumn("end_note", "text", (c) => c.notNull().defaultTo(""))
    .execute();

  // Every tenant there is gets the four defaults (a tenant made later gets them on first use).
  const now = new Date().toISOString();
  const tenants = await sql<{ id: string }>`select id from tenants`.execute(db);
  for (const tenant of tenants.rows) {
    for (const [position, level] of DEFAULTS.entries()) {
      await sql`insert into agreement_levels (tenant_id, id, position, names, descriptions, created_at, updated_at)
        values (${tenant.id}, ${level.id}, ${position}, ${JSON.stringify(level.names)}, ${JSON.stringify(level.descriptions)}, ${now}, ${now})`.execute(db);
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // A level the tenant added itself is gone with the table: its agreements fall back to "cooperation".
  await sql`update agreements set level = 'cooperation' where level not in ('information', 'dialogue', 'cooperation', 'partnership')`.execute(db);
  await db.schema.alterTable("agreements").dropColumn("end_note").execute();
  await db.schema.dropTable("agreement_levels").execute();
}
