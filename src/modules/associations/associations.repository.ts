import type { Selectable } from "kysely";
import type { Database } from "../../db/database.js";
import { containsText } from "../../db/text-match.js";
import type { AssociationRole } from "../../platform/auth/policy.js";
import { parseTranslations } from "../../platform/i18n/localized.js";
import { type PendingChange, pendingColumns, readPendingChange } from "../../platform/moderation/pending-change.js";
import type {
  Association,
  AssociationDetails,
  AssociationIdentity,
  AssociationRef,
  Member,
  Membership,
  ProfileChangeItem,
  ProfileContent,
  StaleProfile,
} from "./associations.model.js";
import type { ListQuery } from "./associations.schema.js";
import type { AssociationsTable } from "./associations.table.js";

export const PAGE_SIZE = 25;

export function toAssociation(
  row: Omit<Selectable<AssociationsTable>, "pending_change" | "pending_since" | "translations"> & { translations?: string },
): Association {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    name: row.name,
    registrationNumber: row.registration_number,
    email: row.email,
    phone: row.phone,
    description: row.description,
    website: row.website,
    logoFileId: row.logo_file_id,
    staleNotifiedAt: row.stale_notified_at,
    hiddenAt: row.hidden_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    translations: parseTranslations(row.translations),
  };
}

/** The change waiting beside the page, if any: the one reading of its stored JSON. */
export const toProfileChange = (row: Pick<Selectable<AssociationsTable>, "pending_change" | "pending_since">): PendingChange<ProfileContent> | null =>
  readPendingChange<ProfileContent>(row.pending_change, row.pending_since);

/** The association with the change to its page that waits for staff. */
export async function findWithChange(
  db: Database,
  tenantId: string,
  id: string,
): Promise<{ association: Association; change: PendingChange<ProfileContent> | null } | undefined> {
  const row = await db.selectFrom("associations").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id).executeTakeFirst();
  return row && { association: toAssociation(row), change: toProfileChange(row) };
}

/** Associations whose page has a change waiting for staff, the oldest first. */
export async function listProfileChanges(db: Database, tenantId: string): Promise<ProfileChangeItem[]> {
  const rows = await db
    .selectFrom("associations")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("pending_since", "is not", null)
    .orderBy("pending_since")
    .execute();
  return rows.flatMap((row) => {
    const change = toProfileChange(row);
    return change ? [{ association: toAssociation(row), change }] : [];
  });
}

/** Keeps a change beside the public page, or clears it (null); the page's own columns stay as they are. */
export async function setProfileChange(db: Database, tenantId: string, id: string, change: PendingChange<ProfileContent> | null): Promise<void> {
  await db.updateTable("associations").set(pendingColumns(change)).where("tenant_id", "=", tenantId).where("id", "=", id).execute();
}

const detailColumns = (a: AssociationDetails) => ({ name: a.name, registration_number: a.registrationNumber, email: a.email, phone: a.phone });

export async function findById(db: Database, tenantId: string, id: string): Promise<Association | undefined> {
  const row = await db.selectFrom("associations").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id).executeTakeFirst();
  return row && toAssociation(row);
}

/** The tenant's associations among these ids, in one query. */
export async function findMany(db: Database, tenantId: string, ids: readonly string[]): Promise<AssociationRef[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom("associations").select(["id", "tenant_id", "name"]).where("tenant_id", "=", tenantId).where("id", "in", ids).execute();
  return rows.map((r) => ({ id: r.id, tenantId: r.tenant_id, name: r.name }));
}

function filtered(db: Database, tenantId: string, query: Pick<ListQuery, "q">, memberId?: string) {
  let q = db.selectFrom("associations").where("associations.tenant_id", "=", tenantId);
  const text = query.q;
  if (text) {
    q = q.where((eb) =>
      eb.or([containsText("associations.name", text), eb("associations.registration_number", "=", text), containsText("associations.email", text)]),
    );
  }
  if (memberId) {
    q = q.innerJoin("association_members as m", (j) =>
      j.onRef("m.association_id", "=", "associations.id").onRef("m.tenant_id", "=", "associations.tenant_id").on("m.user_id", "=", memberId),
    );
  }
  return q;
}

export async function list(db: Database, tenantId: string, query: ListQuery, options: { memberId?: string; all?: boolean }) {
  const base = filtered(db, tenantId, query, options.memberId);
  const [rows, count] = await Promise.all([
    base
      .selectAll("associations")
      .orderBy(`associations.${query.sort}`, query.dir)
      .orderBy("associations.id")
      .$if(!options.all, (q) => q.limit(PAGE_SIZE).offset((query.page - 1) * PAGE_SIZE))
      .execute(),
    base.select((eb) => eb.fn.countAll<string | number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map(toAssociation), total: Number(count.n) };
}

export async function namesForMember(db: Database, tenantId: string, userId: string): Promise<{ id: string; name: string }[]> {
  return db
    .selectFrom("associations")
    .innerJoin("association_members as m", (j) => j.onRef("m.association_id", "=", "associations.id").onRef("m.tenant_id", "=", "associations.tenant_id"))
    .select(["associations.id", "associations.name"])
    .where("associations.tenant_id", "=", tenantId)
    .where("m.user_id", "=", userId)
    .orderBy("associations.name")
    .execute();
}

/** Every association of the tenant by name, register number, e-mail and telephone. */
export async function identities(db: Database, tenantId: string): Promise<AssociationIdentity[]> {
  const rows = await db.selectFrom("associations").select(["id", "name", "registration_number", "email", "phone"]).where("tenant_id", "=", tenantId).execute();
  return rows.map((r) => ({ id: r.id, name: r.name, registrationNumber: r.registration_number, email: r.email, phone: r.phone }));
}

export async function insert(db: Database, tenantId: string, associations: (AssociationDetails & { id: string })[], now: string): Promise<void> {
  // In slices, so a large import stays under the databases' limit on parameters in one statement.
  for (let i = 0; i < associations.length; i += 500) {
    const rows = associations.slice(i, i + 500).map((a) => ({ ...detailColumns(a), id: a.id, tenant_id: tenantId, created_at: now, updated_at: now }));
    await db.insertInto("associations").values(rows).execute();
  }
}

export async function updateDetails(db: Database, tenantId: string, id: string, details: AssociationDetails, now: string): Promise<void> {
  await db
    .updateTable("associations")
    .set({ ...detailColumns(details), updated_at: now })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .execute();
}

/**
 * What the association tells the public, changed or confirmed as still right: either way its page is
 * fresh for another year and shown again.
 */
export async function touchProfile(
  db: Database,
  tenantId: string,
  id: string,
  now: string,
  change?: { description: string; website: string | null; logoFileId?: string },
): Promise<void> {
  await db
    .updateTable("associations")
    .set({
      ...(change && { description: change.description, website: change.website }),
      ...(change?.logoFileId && { logo_file_id: change.logoFileId }),
      updated_at: now,
      stale_notified_at: null,
      hidden_at: null,
    })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .execute();
}

export async function members(db: Database, tenantId: string, associationId: string): Promise<Member[]> {
  const rows = await db
    .selectFrom("association_members as m")
    .innerJoin("users as u", (j) => j.onRef("u.id", "=", "m.user_id").onRef("u.tenant_id", "=", "m.tenant_id"))
    .select(["u.id", "u.name", "u.email", "m.role", "m.created_at"])
    .where("m.tenant_id", "=", tenantId)
    .where("m.association_id", "=", associationId)
    .orderBy("u.name")
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, email: r.email, role: r.role, createdAt: r.created_at }));
}

export async function memberRole(db: Database, tenantId: string, associationId: string, userId: string): Promise<AssociationRole | null> {
  const row = await db
    .selectFrom("association_members")
    .select("role")
    .where("tenant_id", "=", tenantId)
    .where("association_id", "=", associationId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row?.role ?? null;
}

export async function adminCount(db: Database, tenantId: string, associationId: string): Promise<number> {
  const r = await db
    .selectFrom("association_members")
    .select((eb) => eb.fn.countAll<string | number>().as("n"))
    .where("tenant_id", "=", tenantId)
    .where("association_id", "=", associationId)
    .where("role", "=", "admin")
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The e-mail addresses of an association's admins, who receive what is sent to the association. */
export async function adminAddresses(db: Database, tenantId: string, associationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("association_members as m")
    .innerJoin("users as u", (j) => j.onRef("u.id", "=", "m.user_id").onRef("u.tenant_id", "=", "m.tenant_id"))
    .select("u.email")
    .where("m.tenant_id", "=", tenantId)
    .where("m.association_id", "=", associationId)
    .where("m.role", "=", "admin")
    .orderBy("u.email")
    .execute();
  return rows.map((r) => r.email);
}

/** The names of these associations of the tenant, by id; an id of another tenant finds nothing. */
export async function namesByIds(db: Database, tenantId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("associations")
    .select(["id", "name"])
    .where("tenant_id", "=", tenantId)
    .where("id", "in", [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Makes the person a member with this role, or gives a member this role. */
export async function putMember(db: Database, tenantId: string, m: { associationId: string; userId: string; role: AssociationRole }, now: string) {
  await db
    .insertInto("association_members")
    .values({ tenant_id: tenantId, association_id: m.associationId, user_id: m.userId, role: m.role, created_at: now })
    .onConflict((oc) => oc.columns(["association_id", "user_id"]).doUpdateSet({ role: m.role }))
    .execute();
}

export async function removeMember(db: Database, tenantId: string, associationId: string, userId: string): Promise<void> {
  await db
    .deleteFrom("association_members")
    .where("tenant_id", "=", tenantId)
    .where("association_id", "=", associationId)
    .where("user_id", "=", userId)
    .execute();
}

/** Associations as open data: every association of the tenant not hidden, oldest id first, for paging. */
export async function listPublicRecords(
  db: Database,
  tenantId: string,
  f: { offset: number; limit: number; search: string | null; modifiedAfter: string | null; id?: string },
): Promise<{ rows: Association[]; total: number }> {
  const search = f.search;
  const base = db
    .selectFrom("associations")
    .where("tenant_id", "=", tenantId)
    .where("hidden_at", "is", null)
    .$if(Boolean(f.id), (q) => q.where("id", "=", f.id ?? ""))
    .$if(Boolean(search), (q) => q.where((eb) => eb.or([containsText("name", search ?? ""), eb("registration_number", "=", search ?? "")])))
    .$if(Boolean(f.modifiedAfter), (q) => q.where("updated_at", ">", f.modifiedAfter ?? ""));
  const [rows, count] = await Promise.all([
    base.selectAll().orderBy("id").limit(f.limit).offset(f.offset).execute(),
    base.select((eb) => eb.fn.countAll<string | number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map(toAssociation), total: Number(count.n) };
}

/** The associations a person belongs to, for their data download. */
export async function membershipsOf(db: Database, tenantId: string, userId: string): Promise<Membership[]> {
  const rows = await db
    .selectFrom("association_members as m")
    .innerJoin("associations as a", (j) => j.onRef("a.id", "=", "m.association_id").onRef("a.tenant_id", "=", "m.tenant_id"))
    .select(["a.name as association", "m.role", "m.created_at"])
    .where("m.tenant_id", "=", tenantId)
    .where("m.user_id", "=", userId)
    .execute();
  return rows.map((r) => ({ association: r.association, role: r.role, memberSince: r.created_at }));
}

/** Erasure: the person leaves every association. */
export async function removeFromAll(db: Database, tenantId: string, userId: string): Promise<void> {
  await db.deleteFrom("association_members").where("tenant_id", "=", tenantId).where("user_id", "=", userId).execute();
}

/** Associations' own pages still shown and last changed before the moment. */
export async function staleProfiles(db: Database, tenantId: string, staleBefore: string): Promise<StaleProfile[]> {
  const rows = await db
    .selectFrom("associations")
    .select(["id", "name", "email", "stale_notified_at"])
    .where("tenant_id", "=", tenantId)
    .where("hidden_at", "is", null)
    .where("updated_at", "<", staleBefore)
    .execute();
  return rows.map((r) => ({ id: r.id, title: r.name, email: r.email, notifiedAt: r.stale_notified_at }));
}

export async function markStaleProfile(db: Database, tenantId: string, id: string, mark: { notifiedAt: string } | { hiddenAt: string }): Promise<void> {
  await db
    .updateTable("associations")
    .set("notifiedAt" in mark ? { stale_notified_at: mark.notifiedAt } : { hidden_at: mark.hiddenAt })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .execute();
}

/** The addresses of these associations of the tenant: each one's own address and its board's (admins'); another tenant's id finds nothing. */
export async function addressesOf(db: Database, tenantId: string, ids: readonly string[]): Promise<string[]> {
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const slice = ids.slice(i, i + 500);
    const [own, boards] = await Promise.all([
      db.selectFrom("associations").select("email").where("tenant_id", "=", tenantId).where("id", "in", slice).execute(),
      db
        .selectFrom("association_members as m")
        .innerJoin("users as u", (j) => j.onRef("u.id", "=", "m.user_id").onRef("u.tenant_id", "=", "m.tenant_id"))
        .select("u.email")
        .where("m.tenant_id", "=", tenantId)
        .where("m.association_id", "in", slice)
        .where("m.role", "=", "admin")
        .execute(),
    ]);
    for (const r of [...own, ...boards]) if (r.email) found.add(r.email.toLowerCase());
  }
  return [...found].sort();
}
