import type { Database } from "../src/db/database.js";
import { addDefaultTaxonomy } from "../src/modules/taxonomy/index.js";
import { hashPassword } from "../src/platform/auth/passwords.js";
import { type Clock, isoNow } from "../src/platform/clock.js";
import { newId } from "../src/platform/ids.js";

export const DEMO_PASSWORD = "frivillig-demo-2026";
const DOMAIN = "sonderby.example";

const people = [
  { key: "citizen", role: "citizen", name: "Karen Holm", email: `borger@${DOMAIN}` },
  { key: "member", role: "association member", name: "Jonas Berg", email: `medlem@${DOMAIN}` },
  { key: "assocAdmin", role: "association admin", name: "Mette Lund", email: `forening@${DOMAIN}` },
  { key: "staff", role: "centre staff", name: "Ali Hassan", email: `frivilligcenter@${DOMAIN}` },
  { key: "caseworker", role: "caseworker", name: "Birgitte Nørgaard", email: `sagsbehandler@${DOMAIN}` },
  { key: "tenantAdmin", role: "tenant admin", name: "Peter Skov", email: `admin@${DOMAIN}` },
] as const;

const associations = [
  { name: "Sønderby Besøgsvenner", reg: "13585628", email: `besoegsvenner@${DOMAIN}`, phone: "+45 71 23 45 67" },
  { name: "Lektiecafé Sønderby", reg: null, email: `lektiecafe@${DOMAIN}`, phone: null },
  { name: "Sønderby Gåklub", reg: null, email: `gaaklub@${DOMAIN}`, phone: "+45 22 33 44 55" },
  { name: "Sorggruppen for voksne i Sønderby", reg: null, email: `sorg@${DOMAIN}`, phone: null },
  { name: "Gældsrådgivningen Sønderby", reg: null, email: `gaeld@${DOMAIN}`, phone: "+45 33 44 55 66" },
  { name: "Sønderby Frivillige Fædre", reg: null, email: `faedre@${DOMAIN}`, phone: null },
  { name: "Kvindenetværket Sønderby", reg: null, email: `kvinder@${DOMAIN}`, phone: null },
  { name: "Sønderby Idrætsforening", reg: null, email: `if@${DOMAIN}`, phone: "+45 44 55 66 77" },
];

export interface DemoInfo {
  password: string;
  people: { role: string; email: string }[];
}

/** Creates the demo municipality when the database has no tenant yet. Returns the sign-ins when the demo tenant exists. */
export async function seedDemo(db: Database, clock: Clock): Promise<DemoInfo | null> {
  const info = { password: DEMO_PASSWORD, people: people.map((p) => ({ role: p.role, email: p.email })) };
  const existing = await db.selectFrom("tenants").select(["slug"]).execute();
  if (existing.length > 0) return existing.some((t) => t.slug === "sonderby") ? info : null;

  const now = isoNow(clock);
  const tenantId = newId();
  const hash = await hashPassword(DEMO_PASSWORD);
  const ids = Object.fromEntries(people.map((p) => [p.key, newId()])) as Record<(typeof people)[number]["key"], string>;
  const assocIds = associations.map(() => newId());

  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("tenants")
      .values({
        id: tenantId,
        slug: "sonderby",
        name: "Frivillig Sønderby",
        logo_url: null,
        color_primary: "#0b5e7e",
        languages: "da,nb,nl,en",
        default_language: "da",
        time_zone: "Europe/Copenhagen",
        country: "DK",
        contact_email: `frivilligcenter@${DOMAIN}`,
        moderation: "pre",
        created_at: now,
      })
      .execute();
    await addDefaultTaxonomy(trx, tenantId);
    await trx
      .insertInto("tenant_hosts")
      .values([
        { host: "localhost", tenant_id: tenantId, is_default: 1 },
        { host: "127.0.0.1", tenant_id: tenantId, is_default: 0 },
      ])
      .execute();
    await trx
      .insertInto("users")
      .values(
        people.map((p) => ({
          id: ids[p.key],
          tenant_id: tenantId,
          email: p.email,
          name: p.name,
          password_hash: hash,
          email_verified_at: now,
          language: null,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
    await trx
      .insertInto("user_roles")
      .values([
        { tenant_id: tenantId, user_id: ids.staff, role: "staff", granted_by: null, created_at: now },
        { tenant_id: tenantId, user_id: ids.caseworker, role: "caseworker", granted_by: null, created_at: now },
        { tenant_id: tenantId, user_id: ids.tenantAdmin, role: "tenant_admin", granted_by: null, created_at: now },
      ])
      .execute();
    await trx
      .insertInto("associations")
      .values(
        associations.map((a, i) => ({
          id: assocIds[i] as string,
          tenant_id: tenantId,
          name: a.name,
          registration_number: a.reg,
          email: a.email,
          phone: a.phone,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
    await trx
      .insertInto("association_members")
      .values([
        { tenant_id: tenantId, association_id: assocIds[0] as string, user_id: ids.assocAdmin, role: "admin", created_at: now },
        { tenant_id: tenantId, association_id: assocIds[0] as string, user_id: ids.member, role: "member", created_at: now },
        { tenant_id: tenantId, association_id: assocIds[1] as string, user_id: ids.member, role: "member", created_at: now },
        { tenant_id: tenantId, association_id: assocIds[1] as string, user_id: ids.assocAdmin, role: "admin", created_at: now },
      ])
      .execute();
  });
  return info;
}
