import type { Selectable } from "kysely";
import type { Database } from "../../db/database.js";
import { listOf } from "../../db/lists.js";
import { type Keyring, open, seal } from "../../platform/crypto/sealed.js";
import type { BridgeCase, ConsentHow, Need, Purpose, ShareField } from "./bridge.model.js";
import type { BridgeCasesTable } from "./bridge.table.js";

/** The case's columns sealed at rest; the field name is bound to each value (platform/crypto). */
export const SEALED_CASE_COLUMNS = ["first_name", "contact", "reason", "wishes", "resources", "needs", "notes"] as const;
type SealedColumn = (typeof SEALED_CASE_COLUMNS)[number];

const opened = (ring: Keyring, row: Selectable<BridgeCasesTable>, column: SealedColumn) => open(ring, `bridge_cases.${column}`, row[column]);
const sealed = (ring: Keyring, column: SealedColumn, text: string) => seal(ring, `bridge_cases.${column}`, text);

const toCase =
  (ring: Keyring, sharedWith: string[]) =>
  (row: Selectable<BridgeCasesTable>): BridgeCase => ({
    id: row.id,
    tenantId: row.tenant_id,
    firstName: opened(ring, row, "first_name"),
    contact: opened(ring, row, "contact"),
    personId: row.person_id,
    language: row.language,
    source: row.source,
    sourceUnit: row.source_unit,
    referredBy: row.referred_by,
    referringAssociationId: row.referring_association_id,
    reason: opened(ring, row, "reason"),
    status: row.status,
    builderId: row.builder_id,
    consent:
      row.consent_at && row.consent_how && row.consent_copy
        ? { at: row.consent_at, by: row.consent_by, purposes: listOf(row.consent_purposes) as Purpose[], how: row.consent_how, copy: row.consent_copy }
        : null,
    wishes: opened(ring, row, "wishes"),
    interests: listOf(row.interests),
    resources: opened(ring, row, "resources"),
    needs: listOf(opened(ring, row, "needs")) as Need[],
    notes: opened(ring, row, "notes"),
    slots: listOf(row.time_slots),
    postcode: row.postcode,
    languages: listOf(row.languages),
    intakeAt: row.intake_at,
    shareFields: listOf(row.share_fields) as ShareField[],
    companionId: row.companion_id,
    companionSince: row.companion_since,
    purgeAfter: row.purge_after,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    closedAt: row.closed_at,
    sharedWith,
  });

/** Every column of a case, sealed where it tells of the person. */
const caseColumns = (ring: Keyring, c: BridgeCase, contactHash: string | null) => ({
  first_name: sealed(ring, "first_name", c.firstName),
  contact: sealed(ring, "contact", c.contact),
  contact_hash: contactHash,
  person_id: c.personId,
  language: c.language,
  source: c.source,
  source_unit: c.sourceUnit,
  referred_by: c.referredBy,
  referring_association_id: c.referringAssociationId,
  reason: sealed(ring, "reason", c.reason),
  status: c.status,
  builder_id: c.builderId,
  consent_at: c.consent?.at ?? null,
  consent_by: c.consent?.by ?? null,
  consent_purposes: (c.consent?.purposes ?? []).join(","),
  consent_how: (c.consent?.how ?? null) as ConsentHow | null,
  consent_copy: c.consent?.copy ?? null,
  wishes: sealed(ring, "wishes", c.wishes),
  interests: c.interests.join(","),
  resources: sealed(ring, "resources", c.resources),
  needs: sealed(ring, "needs", c.needs.join(",")),
  notes: sealed(ring, "notes", c.notes),
  time_slots: c.slots.join(","),
  postcode: c.postcode,
  languages: c.languages.join(","),
  intake_at: c.intakeAt,
  share_fields: c.shareFields.join(","),
  companion_id: c.companionId,
  companion_since: c.companionSince,
  purge_after: c.purgeAfter,
  updated_at: c.updatedAt,
  closed_at: c.closedAt,
});

export async function insertCase(db: Database, ring: Keyring, c: BridgeCase, contactHash: string | null): Promise<void> {
  await db
    .insertInto("bridge_cases")
    .values({ id: c.id, tenant_id: c.tenantId, created_at: c.createdAt, ...caseColumns(ring, c, contactHash) })
    .execute();
}

export async function updateCase(db: Database, ring: Keyring, c: BridgeCase, contactHash: string | null): Promise<void> {
  await db
    .updateTable("bridge_cases")
    .set(caseColumns(ring, c, contactHash))
    .where("tenant_id", "=", c.tenantId)
    .where("id", "=", c.id)
    .execute();
}

async function sharesOf(db: Database, tenantId: string, caseIds: readonly string[]): Promise<Map<string, string[]>> {
  const shares = new Map<string, string[]>();
  if (caseIds.length === 0) return shares;
  const rows = await db
    .selectFrom("bridge_case_shares")
    .select(["case_id", "user_id"])
    .where("tenant_id", "=", tenantId)
    .where("case_id", "in", caseIds)
    .execute();
  for (const row of rows) shares.set(row.case_id, [...(shares.get(row.case_id) ?? []), row.user_id]);
  return shares;
}

/** A case of this tenant, or undefined: an id from another tenant finds nothing. */
export async function findCase(db: Database, ring: Keyring, tenantId: string, id: string): Promise<BridgeCase | undefined> {
  const row = await db.selectFrom("bridge_cases").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id).executeTakeFirst();
  if (!row) return undefined;
  return toCase(ring, (await sharesOf(db, tenantId, [id])).get(id) ?? [])(row);
}

/** The cases a bridge-builder may see: their own, those shared with them, and those nobody holds yet. */
export async function casesVisibleTo(db: Database, ring: Keyring, tenantId: string, userId: string): Promise<BridgeCase[]> {
  const rows = await db
    .selectFrom("bridge_cases")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where((eb) =>
      eb.or([
        eb("builder_id", "is", null),
        eb("builder_id", "=", userId),
        eb("id", "in", eb.selectFrom("bridge_case_shares").select("case_id").where("tenant_id", "=", tenantId).where("user_id", "=", userId)),
      ]),
    )
    .orderBy("created_at", "desc")
    .execute();
  const shares = await sharesOf(
    db,
    tenantId,
    rows.map((r) => r.id),
  );
  return rows.map((row) => toCase(ring, shares.get(row.id) ?? [])(row));
}

export async function shareCase(db: Database, tenantId: string, caseId: string, userId: string, at: string): Promise<void> {
  await db
    .insertInto("bridge_case_shares")
    .values({ tenant_id: tenantId, case_id: caseId, user_id: userId, shared_at: at })
    .onConflict((oc) => oc.columns(["case_id", "user_id"]).doNothing())
    .execute();
}

/** Cases whose time is up: a referral without consent after 14 days, a case past its retention. */
export async function casesToPurge(db: Database, tenantId: string, now: string): Promise<string[]> {
  const rows = await db
    .selectFrom("bridge_cases")
    .select("id")
    .where("tenant_id", "=", tenantId)
    .where("purge_after", "is not", null)
    .where("purge_after", "<=", now)
    .execute();
  return rows.map((r) => r.id);
}

/** Remembers a mail sent about a case, so that deleting the case deletes the mail too. */
export async function noteMail(db: Database, tenantId: string, caseId: string, mailId: string): Promise<void> {
  await db.insertInto("bridge_mails").values({ tenant_id: tenantId, case_id: caseId, mail_id: mailId }).execute();
}

export async function mailsOf(db: Database, tenantId: string, caseId: string): Promise<string[]> {
  const rows = await db.selectFrom("bridge_mails").select("mail_id").where("tenant_id", "=", tenantId).where("case_id", "=", caseId).execute();
  return rows.map((r) => r.mail_id);
}

/** Deletes the case and, by cascade, its shares, notes, picks, referrals, follow-ups and mail links. */
export async function deleteCase(db: Database, tenantId: string, caseId: string): Promise<void> {
  await db.deleteFrom("bridge_cases").where("tenant_id", "=", tenantId).where("id", "=", caseId).execute();
}
