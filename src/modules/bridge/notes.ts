import { audit } from "../../platform/audit/audit.js";
import { isPerson } from "../../platform/auth/policy.js";
import { isoNow } from "../../platform/clock.js";
import { conflict } from "../../platform/http/errors.js";
import { newId } from "../../platform/ids.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import type { BridgeNote } from "./bridge.model.js";
import * as records from "./case-records.repository.js";
import { bridgeRing, openCase } from "./cases.js";

/** A dated note on the case; sealed like the case's own text, and only once the person has consented. */
export async function addNote(ctx: ServiceContext, caseId: string, body: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const c = await openCase(tx, caseId);
    if (!c.consent) throw conflict("conflict", "bridge.note.needsConsent", { body: "bridge.note.needsConsent" });
    const note: BridgeNote = { id: newId(), caseId: c.id, authorId: isPerson(tx.actor) ? tx.actor.userId : null, body, createdAt: isoNow(tx.clock) };
    await records.insertNote(tx.db, bridgeRing(tx), tx.tenant.id, note);
    await audit(tx, "bridge.note_added", { type: "bridge_case", id: c.id }, { note: note.id });
  });
}
