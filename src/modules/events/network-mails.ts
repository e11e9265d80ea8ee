import { formats } from "../../platform/i18n/format.js";
import type { Lang, T } from "../../platform/i18n/i18n.js";
import { sendMail } from "../../platform/mail/send.js";
import type { ServiceContext } from "../../platform/service-context.js";
import { icsAttachment } from "./event-mails.js";
import { sessionText } from "./event-times.js";
import type { CommunityEvent } from "./events.model.js";
import type { Network, NetworkMember } from "./network.model.js";

export const networkUrl = (ctx: ServiceContext, networkId: string) => `${ctx.baseUrl}/networks/${networkId}`;
export const meetingUrl = (ctx: ServiceContext, e: CommunityEvent) => `${ctx.baseUrl}/networks/${e.networkId}/meetings/${e.id}`;

/** The invitation: what the network is, who invited her, and the link that lets her join (signing in or making an account there). */
export async function mailInvitation(ctx: ServiceContext, network: Network, member: NetworkMember, token: string, inviter: string) {
  await sendMail(ctx.db, ctx.clock, {
    tenant: ctx.tenant,
    to: member.email,
    compose: (t) => ({
      subject: t("networks.mail.invite.subject", { network: network.name }),
      paragraphs: [
        t("networks.mail.invite.body", { name: member.name, inviter, network: network.name, tenant: ctx.tenant.name }),
        ...(network.description ? [network.description] : []),
        t("networks.mail.invite.how"),
        t("mail.notYou"),
      ],
      action: { label: t("networks.mail.invite.action"), url: `${ctx.baseUrl}/networks/join?token=${encodeURIComponent(token)}` },
    }),
  });
}

/** The dates, place and link of a meeting, in the reader's language: members see the online link, as those registered do. */
function meetingLines(ctx: ServiceContext, e: CommunityEvent, t: T, lang: Lang) {
  const f = formats(lang, ctx.tenant.timeZone);
  const dates = e.sessions.map((s) => sessionText(f, ctx.tenant.timeZone, s)).join("; ");
  const place =
    e.place === "online"
      ? e.onlineUrl
        ? t("registration.mail.onlineAt", { url: e.onlineUrl })
        : t("registration.mail.online")
      : [e.placeName, e.address, e.postcode].filter(Boolean).join(", ");
  return [t("registration.mail.when", { dates }), t("registration.mail.where", { place })];
}

/** A new meeting, to every member who has joined, with the calendar file and the way to the agenda. */
export async function mailMeetingPlanned(ctx: ServiceContext, network: Network, e: CommunityEvent, members: NetworkMember[]) {
  for (const m of members.filter((m) => m.joinedAt)) {
    await sendMail(ctx.db, ctx.clock, {
      tenant: ctx.tenant,
      to: m.email,
      compose: (t, lang) => ({
        subject: t("networks.mail.planned.subject", { network: network.name, title: e.title }),
        paragraphs: [
          t("networks.mail.planned.body", { network: network.name, title: e.title }),
          ...meetingLines(ctx, e, t, lang),
          t("networks.mail.planned.agenda"),
        ],
        action: { label: t("networks.mail.planned.action"), url: meetingUrl(ctx, e) },
        attachments: [icsAttachment(ctx, e)],
      }),
    });
  }
}

/** A meeting changed or cancelled, to members who are not registered (those registered hear through their registration). */
export async function mailMeetingChange(ctx: ServiceContext, e: CommunityEvent, members: NetworkMember[], what: "changed" | "cancelled") {
  for (const m of members) {
    await sendMail(ctx.db, ctx.clock, {
      tenant: ctx.tenant,
      to: m.email,
      compose: (t, lang) => ({
        subject: t(what === "cancelled" ? "registration.mail.cancelled.subject" : "registration.mail.changed.subject", { title: e.title }),
        paragraphs:
          what === "cancelled"
            ? [t("registration.mail.cancelled.body", { title: e.title })]
            : [t("registration.mail.changed.body", { title: e.title }), ...meetingLines(ctx, e, t, lang)],
        action: { label: t("networks.mail.planned.action"), url: meetingUrl(ctx, e) },
        attachments: what === "changed" ? [icsAttachment(ctx, e)] : [],
      }),
    });
  }
}

/** The minutes are out: to every member who has joined. */
export async function mailMinutes(ctx: ServiceContext, network: Network, e: CommunityEvent, members: NetworkMember[]) {
  for (const m of members.filter((m) => m.joinedAt)) {
    await sendMail(ctx.db, ctx.clock, {
      tenant: ctx.tenant,
      to: m.email,
      compose: (t, lang) => ({
        subject: t("networks.mail.minutes.subject", { title: e.title }),
        paragraphs: [t("networks.mail.minutes.body", { network: network.name, title: e.title, date: formats(lang, ctx.tenant.timeZone).date(e.startsAt) })],
        action: { label: t("networks.mail.minutes.action"), url: meetingUrl(ctx, e) },
      }),
    });
  }
}
