import { auditEntry } from "../../platform/audit/audit.js";
import { isoNow } from "../../platform/clock.js";
import { notFound } from "../../platform/http/errors.js";
import { hashSecret, newSecret } from "../../platform/ids.js";
import type { ServiceContext } from "../../platform/service-context.js";
import { actFor } from "../associations/index.js";
import { icsOf } from "./calendar.js";
import { canBookFor } from "./premises.policy.js";
import * as repo from "./premises.repository.js";
import { bookingEvents, bookingPage, premiseTree } from "./premises.service.js";

/** Calendar feeds: a room's busy times for anyone, an association's bookings by secret address, one booking for its booker. */
export async function roomFeed(ctx: ServiceContext, premiseId: string) {
  const tree = await premiseTree(ctx);
  const premise = tree.byId.get(premiseId);
  if (!premise) throw notFound();
  const now = ctx.clock.now();
  const rows = await repo.occurrencesIn(
    ctx.db,
    ctx.tenant.id,
    [premiseId],
    new Date(now.getTime() - 30 * 86_400_000).toISOString(),
    new Date(now.getTime() + 400 * 86_400_000).toISOString(),
  );
  return icsOf(
    premise.name,
    new URL(ctx.baseUrl).hostname,
    rows.map((o) => ({ id: o.id, startsAt: o.starts_at, endsAt: o.ends_at, summary: o.association_name ?? premise.name, location: tree.addressOf(premiseId) })),
  );
}

export async function bookingFeed(ctx: ServiceContext, bookingId: string) {
  const { booking } = await bookingPage(ctx, bookingId);
  const tree = await premiseTree(ctx);
  return icsOf(booking.premise_name, new URL(ctx.baseUrl).hostname, await bookingEvents(ctx.db, ctx, tree, [booking.id]));
}

/**
 * A new secret address for an association's calendar of bookings. Only its hash is kept, so it is
 * shown once; making a new one stops the old one.
 */
export async function renewCalendarAddress(ctx: ServiceContext, associationId: string): Promise<string> {
  const actorId = (await actFor(ctx, canBookFor, associationId, "associationId")).actor.userId;
  const token = newSecret();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom("calendar_tokens").where("tenant_id", "=", ctx.tenant.id).where("association_id", "=", associationId).execute();
    await trx
      .insertInto("calendar_tokens")
      .values({ token_hash: hashSecret(token), tenant_id: ctx.tenant.id, association_id: associationId, created_at: isoNow(ctx.clock) })
      .execute();
    await auditEntry(trx, ctx.clock, {
      tenantId: ctx.tenant.id,
      actorId,
      action: "calendar.address_renewed",
      entityType: "association",
      entityId: associationId,
      ip: ctx.ip,
    });
  });
  return `${ctx.baseUrl}/premises/calendars/${token}.ics`;
}

/** The association's bookings behind a secret address, for any calendar program to subscribe to. */
export async function associationFeed(ctx: ServiceContext, token: string) {
  const row = await ctx.db
    .selectFrom("calendar_tokens as c")
    .innerJoin("associations as a", (j) => j.onRef("a.id", "=", "c.association_id").onRef("a.tenant_id", "=", "c.tenant_id"))
    .select(["c.association_id", "a.name"])
    .where("c.tenant_id", "=", ctx.tenant.id)
    .where("c.token_hash", "=", hashSecret(token))
    .executeTakeFirst();
  if (!row) throw notFound();
  const bookings = await ctx.db
    .selectFrom("bookings")
    .select("id")
    .where("tenant_id", "=", ctx.tenant.id)
    .where("association_id", "=", row.association_id)
    .where("status", "=", "approved")
    .execute();
  const tree = await premiseTree(ctx);
  return icsOf(
    row.name,
    new URL(ctx.baseUrl).hostname,
    await bookingEvents(
      ctx.db,
      ctx,
      tree,
      bookings.map((b) => b.id),
    ),
  );
}
