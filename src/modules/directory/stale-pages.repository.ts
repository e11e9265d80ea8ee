import type { Database } from "../../db/database.js";

/** A public page nobody has confirmed for a year, with the address asked to confirm it. */
export interface StalePage {
  id: string;
  title: string;
  email: string;
  /** When the association was asked to confirm it; null until then. */
  notifiedAt: string | null;
}

/** What the job notes on a stale page: that its association was asked, or that it is hidden. */
export type StaleMark = { notifiedAt: string } | { hiddenAt: string };

const columns = (mark: StaleMark) => ("notifiedAt" in mark ? { stale_notified_at: mark.notifiedAt } : { hidden_at: mark.hiddenAt });

/** Published offers still shown and last confirmed before the moment. */
export async function staleOffers(db: Database, tenantId: string, staleBefore: string): Promise<StalePage[]> {
  const rows = await db
    .selectFrom("offers")
    .select(["id", "title", "contact_email", "stale_notified_at"])
    .where("tenant_id", "=", tenantId)
    .where("status", "=", "published")
    .where("hidden_at", "is", null)
    .where("confirmed_at", "<", staleBefore)
    .execute();
  return rows.map((r) => ({ id: r.id, title: r.title, email: r.contact_email, notifiedAt: r.stale_notified_at }));
}

export async function markOffer(db: Database, tenantId: string, id: string, mark: StaleMark): Promise<void> {
  await db.updateTable("offers").set(columns(mark)).where("tenant_id", "=", tenantId).where("id", "=", id).execute();
}
