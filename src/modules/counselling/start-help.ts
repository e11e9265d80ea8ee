import { audit } from "../../platform/audit/audit.js";
import { withinLimit } from "../../platform/auth/rate-limit.js";
import { isoNow } from "../../platform/clock.js";
import { tooManyRequests } from "../../platform/http/errors.js";
import { newId } from "../../platform/ids.js";
import { sendTemplateMail } from "../../platform/mail/template-mail.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import { countryProfile } from "../../platform/tenants/countries.js";
import type { CounsellingCase } from "./counselling.model.js";
import * as repo from "./counselling.repository.js";
import type { StartInput } from "./counselling.schema.js";

/** The name of the register an association gets its number from, in the tenant's country. */
export const registerName = (ctx: Pick<ServiceContext, "tenant">) => countryProfile(ctx.tenant.country).register.name;

/**
 * Someone who wants to start an association books a conversation: a start-up case for a new initiative,
 * a receipt to them in the language they used, and a mail to the centre's staff. Rate-limited like every public form.
 */
export async function bookConversation(ctx: ServiceContext, input: StartInput): Promise<CounsellingCase> {
  if (!(await withinLimit(ctx, "counselling-start", [ctx.ip, input.email])))
    throw tooManyRequests("counselling.start.rateLimited", { email: "counselling.start.rateLimited" });
  return inTransaction(ctx, async (tx) => {
    const now = isoNow(tx.clock);
    const c: CounsellingCase = {
      id: newId(),
      tenantId: tx.tenant.id,
      associationId: null,
      initiativeName: null,
      contactName: input.name,
      contactEmail: input.email,
      contactPhone: input.phone,
      topic: "startup",
      about: input.about,
      source: "start",
      status: "open",
      staffId: null,
      createdBy: null,
      createdAt: now,
      updatedAt: now,
      closedAt: null,
    };
    await repo.insertCase(tx.db, c);
    await audit(tx, "counselling.conversation_booked", { type: "counselling_case", id: c.id }, {}, { actorId: null });
    await sendTemplateMail(tx, {
      to: input.email,
      usedLanguage: tx.lang,
      template: {
        subject: "counselling.mail.receipt.subject",
        paragraphs: ["counselling.mail.receipt.body", "counselling.mail.receipt.next"],
        action: "counselling.mail.receipt.action",
      },
      values: { name: input.name, centre: tx.tenant.name },
      link: "/counselling/start",
    });
    for (const s of await repo.staffMembers(tx.db, tx.tenant.id)) {
      await sendTemplateMail(tx, {
        to: s.email,
        template: { subject: "counselling.mail.booked.subject", paragraphs: ["counselling.mail.booked.body"], action: "counselling.mail.booked.action" },
        values: { name: input.name },
        link: `/counselling/${c.id}`,
      });
    }
    return c;
  });
}
