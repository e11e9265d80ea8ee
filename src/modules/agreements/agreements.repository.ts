import type { Selectable } from "kysely";
import type { Database } from "../../db/database.js";
import { LANGUAGES } from "../../platform/i18n/i18n.js";
import type { Agreement, AgreementDocument, AgreementLevel, AgreementLink, AgreementStatus, LangTexts, LinkKind, Party } from "./agreements.model.js";
import type { AgreementDocumentsTable, AgreementLevelsTable, AgreementPartiesTable, AgreementsTable } from "./agreements.table.js";

type PartyRow = Pick<Selectable<AgreementPartiesTable>, "agreement_id" | "association_id" | "gives" | "position">;

/** The one mapper of an agreement: its row and its parties (their names come from the associations module). */
const toAgreement = (row: Selectable<AgreementsTable>, parties: PartyRow[], names: Map<string, string>): Agreement => ({
  id: row.id,
  tenantId: row.tenant_id,
  seriesId: row.series_id,
  previousId: row.previous_id,
  title: row.title,
  purpose: row.purpose,
  level: row.level,
  status: row.status as AgreementStatus,
  municipalUnit: row.municipal_unit,
  municipalityGives: row.municipality_gives,
  startsOn: row.starts_on,
  endsOn: row.ends_on,
  isPublic: row.is_public === 1,
  contactName: row.contact_name,
  contactEmail: row.contact_email,
  contactPhone: row.contact_phone,
  notes: row.notes,
  responsibleUserId: row.responsible_user_id,
  remindedAt: row.reminded_at,
  endedAt: row.ended_at,
  endNote: row.end_note,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  parties: parties
    .filter((p) => p.agreement_id === row.id)
    .sort((a, b) => a.position - b.position)
    .map((p): Party => ({ associationId: p.association_id, name: names.get(p.association_id) ?? "", gives: p.gives })),
});

const agreementRow = (tenantId: string, a: Agreement): Selectable<AgreementsTable> => ({
  id: a.id,
  tenant_id: tenantId,
  series_id: a.seriesId,
  previous_id: a.previousId,
  title: a.title,
  purpose: a.purpose,
  level: a.level,
  status: a.status,
  municipal_unit: a.municipalUnit,
  municipality_gives: a.municipalityGives,
  starts_on: a.startsOn,
  ends_on: a.endsOn,
  is_public: a.isPublic ? 1 : 0,
  contact_name: a.contactName,
  contact_email: a.contactEmail,
  contact_phone: a.contactPhone,
  notes: a.notes,
  responsible_user_id: a.responsibleUserId,
  reminded_at: a.remindedAt,
  ended_at: a.endedAt,
  end_note: a.endNote,
  created_at: a.createdAt,
  updated_at: a.updatedAt,
});

/** Names of the parties' associations, looked up once for a page (the associations module's lookup). */
export type NameLookup = (ids: readonly string[]) => Promise<Map<string, string>>;

async function withParties(db: Database, tenantId: string, rows: Selectable<AgreementsTable>[], names: NameLookup): Promise<Agreement[]> {
  if (rows.length === 0) return [];
  const parties = await db
    .selectFrom("agreement_parties")
    .select(["agreement_id", "association_id", "gives", "position"])
    .where("tenant_id", "=", tenantId)
    .where(
      "agreement_id",
      "in",
      rows.map((r) => r.id),
    )
    .execute();
  const found = await names(parties.map((p) => p.association_id));
  return rows.map((r) => toAgreement(r, parties, found));
}

export async function insertAgreement(db: Database, tenantId: string, a: Agreement): Promise<void> {
  await db.insertInto("agreements").values(agreementRow(tenantId, a)).execute();
  await putParties(db, tenantId, a);
}

export async function updateAgreement(db: Database, tenantId: string, a: Agreement): Promise<void> {
  const { id: _id, tenant_id: _t, created_at: _c, ...changes } = agreementRow(tenantId, a);
  await db.updateTable("agreements").set(changes).where("tenant_id", "=", tenantId).where("id", "=", a.id).execute();
  await putParties(db, tenantId, a);
}

async function putParties(db: Database, tenantId: string, a: Agreement): Promise<void> {
  await db.deleteFrom("agreement_parties").where("tenant_id", "=", tenantId).where("agreement_id", "=", a.id).execute();
  if (a.parties.length === 0) return;
  await db
    .insertInto("agreement_parties")
    .values(a.parties.map((p, i) => ({ tenant_id: tenantId, agreement_id: a.id, association_id: p.associationId, position: i, gives: p.gives })))
    .execute();
}

export async function findAgreement(db: Database, tenantId: string, id: string, names: NameLookup): Promise<Agreement | undefined> {
  const row = await db.selectFrom("agreements").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id).executeTakeFirst();
  return row ? (await withParties(db, tenantId, [row], names))[0] : undefined;
}

export interface AgreementFilter {
  level?: string | undefined;
  status?: AgreementStatus | undefined;
  /** Only agreements with one of these associations as a party. */
  associationIds?: readonly string[];
}

/** The tenant's agreements, the soonest ending first (those without an end last). */
export async function listAgreements(db: Database, tenantId: string, filter: AgreementFilter, names: NameLookup): Promise<Agreement[]> {
  let q = db.selectFrom("agreements").selectAll().where("tenant_id", "=", tenantId);
  if (filter.level) q = q.where("level", "=", filter.level);
  if (filter.status) q = q.where("status", "=", filter.status);
  if (filter.associationIds) {
    if (filter.associationIds.length === 0) return [];
    const ids = filter.associationIds;
    q = q.where("id", "in", (s) =>
      s.selectFrom("agreement_parties").select("agreement_id").where("tenant_id", "=", tenantId).where("association_id", "in", ids),
    );
  }
  const rows = await q.orderBy("starts_on", "desc").orderBy("id").execute();
  return withParties(db, tenantId, rows, names);
}

/** Agreed and marked public, running on this day: the public register. */
export async function publicAgreements(db: Database, tenantId: string, today: string, names: NameLookup): Promise<Agreement[]> {
  const rows = await db
    .selectFrom("agreements")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("status", "=", "agreed")
    .where("is_public", "=", 1)
    .where("starts_on", "<=", today)
    .where((eb) => eb.or([eb("ends_on", "is", null), eb("ends_on", ">=", today)]))
    .orderBy("title")
    .orderBy("id")
    .execute();
  return withParties(db, tenantId, rows, names);
}

/** Agreed agreements that end between the two days (inclusive). */
export async function endingBetween(db: Database, tenantId: string, from: string, to: string, names: NameLookup): Promise<Agreement[]> {
  const rows = await db
    .selectFrom("agreements")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("status", "=", "agreed")
    .where("ends_on", ">=", from)
    .where("ends_on", "<=", to)
    .orderBy("ends_on")
    .orderBy("id")
    .execute();
  return withParties(db, tenantId, rows, names);
}

/** Every period of one agreement, the first first. */
export async function seriesOf(db: Database, tenantId: string, seriesId: string): Promise<Pick<Agreement, "id" | "startsOn" | "endsOn" | "status">[]> {
  const rows = await db
    .selectFrom("agreements")
    .select(["id", "starts_on", "ends_on", "status"])
    .where("tenant_id", "=", tenantId)
    .where("series_id", "=", seriesId)
    .orderBy("starts_on")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ id: r.id, startsOn: r.starts_on, endsOn: r.ends_on, status: r.status as AgreementStatus }));
}

export async function markReminded(db: Database, tenantId: string, id: string, at: string): Promise<void> {
  await db.updateTable("agreements").set({ reminded_at: at }).where("tenant_id", "=", tenantId).where("id", "=", id).where("reminded_at", "is", null).execute();
}

const toDocument = (row: Selectable<AgreementDocumentsTable>): AgreementDocument => ({
  id: row.id,
  agreementId: row.agreement_id,
  fileId: row.file_id,
  name: row.name,
  contentType: row.content_type,
  size: row.size,
  createdAt: row.created_at,
});

export async function insertDocument(db: Database, tenantId: string, d: AgreementDocument, by: string | null): Promise<void> {
  await db
    .insertInto("agreement_documents")
    .values({
      id: d.id,
      tenant_id: tenantId,
      agreement_id: d.agreementId,
      file_id: d.fileId,
      name: d.name,
      content_type: d.contentType,
      size: d.size,
      created_by: by,
      created_at: d.createdAt,
    })
    .execute();
}

export async function documentsOf(db: Database, tenantId: string, agreementId: string): Promise<AgreementDocument[]> {
  const rows = await db
    .selectFrom("agreement_documents")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("agreement_id", "=", agreementId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map(toDocument);
}

export async function findDocument(db: Database, tenantId: string, agreementId: string, id: string): Promise<AgreementDocument | undefined> {
  const row = await db
    .selectFrom("agreement_documents")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("agreement_id", "=", agreementId)
    .where("id", "=", id)
    .executeTakeFirst();
  return row && toDocument(row);
}

export async function deleteDocument(db: Database, tenantId: string, id: string): Promise<void> {
  await db.deleteFrom("agreement_documents").where("tenant_id", "=", tenantId).where("id", "=", id).execute();
}

export async function linksOf(db: Database, tenantId: string, agreementId: string): Promise<AgreementLink[]> {
  const rows = await db
    .selectFrom("agreement_links")
    .select(["kind", "ref_id"])
    .where("tenant_id", "=", tenantId)
    .where("agreement_id", "=", agreementId)
    .orderBy("kind")
    .orderBy("ref_id")
    .execute();
  return rows.map((r) => ({ kind: r.kind as LinkKind, refId: r.ref_id }));
}

export async function putLinks(db: Database, tenantId: string, agreementId: string, links: AgreementLink[]): Promise<void> {
  await db.deleteFrom("agreement_links").where("tenant_id", "=", tenantId).where("agreement_id", "=", agreementId).execute();
  if (links.length === 0) return;
  await db
    .insertInto("agreement_links")
    .values(links.map((l) => ({ tenant_id: tenantId, agreement_id: agreementId, kind: l.kind, ref_id: l.refId })))
    .execute();
}

// What the agreements hold about a person: the contact person by e-mail, the keeping caseworker, who added a document.

export async function agreementsNamingPerson(db: Database, tenantId: string, userId: string | null, email: string | null) {
  if (!userId && !email) return [];
  return db
    .selectFrom("agreements")
    .select(["id", "title", "contact_name", "contact_email", "contact_phone", "responsible_user_id"])
    .where("tenant_id", "=", tenantId)
    .where((eb) => eb.or([...(userId ? [eb("responsible_user_id", "=", userId)] : []), ...(email ? [eb("contact_email", "=", email)] : [])]))
    .execute();
}

export async function documentsAddedBy(db: Database, tenantId: string, userId: string) {
  return db
    .selectFrom("agreement_documents")
    .select(["agreement_id", "name", "created_at"])
    .where("tenant_id", "=", tenantId)
    .where("created_by", "=", userId)
    .execute();
}

export async function forgetPerson(db: Database, tenantId: string, userId: string | null, email: string | null): Promise<void> {
  if (userId) {
    await db.updateTable("agreements").set({ responsible_user_id: null }).where("tenant_id", "=", tenantId).where("responsible_user_id", "=", userId).execute();
    await db.updateTable("agreement_documents").set({ created_by: null }).where("tenant_id", "=", tenantId).where("created_by", "=", userId).execute();
  }
  if (email)
    await db
      .updateTable("agreements")
      .set({ contact_name: "", contact_email: "", contact_phone: "" })
      .where("tenant_id", "=", tenantId)
      .where("contact_email", "=", email)
      .execute();
}

// The tenant's scale of levels.

/** A JSON column of texts by language; anything that is not a language with a text is left out. */
function langTexts(json: string): LangTexts {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return {};
  }
  if (!value || typeof value !== "object") return {};
  const out: LangTexts = {};
  for (const lang of LANGUAGES) {
    const text = (value as Record<string, unknown>)[lang];
    if (typeof text === "string" && text.trim() !== "") out[lang] = text;
  }
  return out;
}

const toLevel = (row: Selectable<AgreementLevelsTable>): AgreementLevel => ({
  id: row.id,
  position: row.position,
  names: langTexts(row.names),
  descriptions: langTexts(row.descriptions),
});

/** The tenant's levels, in order. */
export async function listLevels(db: Database, tenantId: string): Promise<AgreementLevel[]> {
  const rows = await db.selectFrom("agreement_levels").selectAll().where("tenant_id", "=", tenantId).orderBy("position").orderBy("id").execute();
  return rows.map(toLevel);
}

/** Adds levels; one the tenant already has (by id) is left as it is, so two first uses at once seed once. */
export async function insertLevels(db: Database, tenantId: string, levels: AgreementLevel[], at: string): Promise<void> {
  if (levels.length === 0) return;
  await db
    .insertInto("agreement_levels")
    .values(
      levels.map((l) => ({
        tenant_id: tenantId,
        id: l.id,
        position: l.position,
        names: JSON.stringify(l.names),
        descriptions: JSON.stringify(l.descriptions),
        created_at: at,
        updated_at: at,
      })),
    )
    .onConflict((oc) => oc.columns(["tenant_id", "id"]).doNothing())
    .execute();
}

export async function updateLevel(db: Database, tenantId: string, level: AgreementLevel, at: string): Promise<void> {
  await db
    .updateTable("agreement_levels")
    .set({ position: level.position, names: JSON.stringify(level.names), descriptions: JSON.stringify(level.descriptions), updated_at: at })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", level.id)
    .execute();
}

export async function deleteLevel(db: Database, tenantId: string, id: string): Promise<void> {
  await db.deleteFrom("agreement_levels").where("tenant_id", "=", tenantId).where("id", "=", id).execute();
}

/** How many of the tenant's agreements (every period and status) have this level. */
export async function agreementsAtLevel(db: Database, tenantId: string, levelId: string): Promise<number> {
  const row = await db
    .selectFrom("agreements")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("tenant_id", "=", tenantId)
    .where("level", "=", levelId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The agreements that name a grant scheme or a premise, the newest start first. */
export async function agreementsLinkingTo(db: Database, tenantId: string, kind: LinkKind, refId: string, names: NameLookup): Promise<Agreement[]> {
  const rows = await db
    .selectFrom("agreements")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("id", "in", (s) =>
      s.selectFrom("agreement_links").select("agreement_id").where("tenant_id", "=", tenantId).where("kind", "=", kind).where("ref_id", "=", refId),
    )
    .orderBy("starts_on", "desc")
    .orderBy("id")
    .execute();
  return withParties(db, tenantId, rows, names);
}
