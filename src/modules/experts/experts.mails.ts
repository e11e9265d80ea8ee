import { formats } from "../../platform/i18n/format.js";
import { sendMail } from "../../platform/mail/send.js";
import type { ServiceContext } from "../../platform/service-context.js";
import { skillLabels } from "./experts.labels.js";
import type { Expert, ExpertMatch, ExpertRequest } from "./experts.model.js";

const matchUrl = (ctx: ServiceContext, m: ExpertMatch) => `${ctx.baseUrl}/experts/matches/${m.id}`;

/** A board has asked for help: the centre's inbox hears of it at once, with the link to match an expert. */
export async function mailRequested(ctx: ServiceContext, request: ExpertRequest, association: string) {
  await sendMail(ctx.db, ctx.clock, {
    tenant: ctx.tenant,
    to: ctx.tenant.contactEmail,
    compose: (t, lang) => ({
      subject: t("experts.mail.requested.subject", { association, skill: t(skillLabels[request.skill]) }),
      paragraphs: [
        t("experts.mail.requested.body", { association, skill: t(skillLabels[request.skill]) }),
        request.description,
        ...(request.neededBy ? [t("experts.mail.proposed.by", { date: formats(lang, ctx.tenant.timeZone).date(request.neededBy) })] : []),
      ],
      action: { label: t("experts.mail.requested.action"), url: `${ctx.baseUrl}/experts/requests/${request.id}` },
    }),
  });
}

/** Staff have put a board's request to the expert: what it is about and where to accept or decline. */
export async function mailProposed(ctx: ServiceContext, expert: Expert, request: ExpertRequest, association: string) {
  await sendMail(ctx.db, ctx.clock, {
    tenant: ctx.tenant,
    to: expert.email,
    compose: (t, lang) => ({
      subject: t("experts.mail.proposed.subject", { association }),
      paragraphs: [
        t("experts.mail.proposed.body", { name: expert.name, association, skill: t(skillLabels[request.skill]), tenant: ctx.tenant.name }),
        request.description,
        ...(request.neededBy ? [t("experts.mail.proposed.by", { date: formats(lang, ctx.tenant.timeZone).date(request.neededBy) })] : []),
        t("experts.mail.proposed.how"),
      ],
      action: { label: t("experts.mail.proposed.action"), url: `${ctx.baseUrl}/experts/me` },
    }),
  });
}

/** The expert said yes: the board gets the expert's name and how to reach them, and the page where hours are logged. */
export async function mailAccepted(ctx: ServiceContext, to: string[], expert: Expert, match: ExpertMatch, association: string) {
  for (const address of to) {
    await sendMail(ctx.db, ctx.clock, {
      tenant: ctx.tenant,
      to: address,
      compose: (t) => ({
        subject: t("experts.mail.accepted.subject", { name: expert.name }),
        paragraphs: [
          t("experts.mail.accepted.body", { name: expert.name, association }),
          t("experts.mail.accepted.contact", { email: expert.email, phone: expert.phone ?? t("experts.contact.noPhone") }),
          t("experts.mail.accepted.how"),
        ],
        action: { label: t("experts.mail.accepted.action"), url: matchUrl(ctx, match) },
      }),
    });
  }
}
