import { openSignedKey, signedKey } from "../../platform/auth/signed-links.js";
import { icsOf } from "../../platform/calendar/ical.js";
import { formats } from "../../platform/i18n/format.js";
import type { Lang, MessageKey, T } from "../../platform/i18n/i18n.js";
import { isLang } from "../../platform/i18n/i18n.js";
import { sendMail } from "../../platform/mail/send.js";
import type { MailAttachment, MailContent } from "../../platform/mail/template.js";
import type { ServiceContext } from "../../platform/service-context.js";
import { sessionText } from "./event-times.js";
import type { CommunityEvent, Registration } from "./events.model.js";

const MANAGE = "event-registration";

/** The link that shows a registration and lets its holder accept an offer, leave the list or cancel, without signing in. */
export const manageKey = (ctx: Pick<ServiceContext, "config" | "tenant">, groupId: string) =>
  signedKey(ctx.config.secret, `${MANAGE}:${ctx.tenant.id}`, groupId);
export const groupOfKey = (ctx: Pick<ServiceContext, "config" | "tenant">, key: string) => openSignedKey(ctx.config.secret, `${MANAGE}:${ctx.tenant.id}`, key);
export const manageUrl = (ctx: ServiceContext, groupId: string) => `${ctx.baseUrl}/events/registration?key=${encodeURIComponent(manageKey(ctx, groupId))}`;

/** The event's dates and place, in the reader's language: the lines every mail about it starts with. */
function eventLines(ctx: ServiceContext, e: CommunityEvent, t: T, lang: Lang, registered: boolean): string[] {
  const f = formats(lang, ctx.tenant.timeZone);
  const dates = e.sessions.map((s) => sessionText(f, ctx.tenant.timeZone, s)).join("; ");
  const place =
    e.place === "online"
      ? registered && e.onlineUrl
        ? t("registration.mail.onlineAt", { url: e.onlineUrl })
        : t("registration.mail.online")
      : [e.placeName, e.address, e.postcode].filter(Boolean).join(", ");
  return [t("registration.mail.when", { dates }), t("registration.mail.where", { place })];
}

/** The event's sessions as a calendar file: a place to note them. */
export function icsAttachment(ctx: ServiceContext, e: CommunityEvent): MailAttachment {
  const location = e.place === "online" ? (e.onlineUrl ?? "") : [e.placeName, e.address, e.postcode].filter(Boolean).join(", ");
  const host = new URL(ctx.baseUrl).host;
  return {
    filename: "event.ics",
    contentType: "text/calendar; charset=utf-8",
    content: icsOf(
      e.title,
      host,
      e.sessions.map((s) => ({
        id: s.id,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        summary: e.title,
        location,
        description: `${ctx.baseUrl}/events/${e.id}`,
        changedAt: e.updatedAt,
      })),
      ctx.clock.now(),
    ),
  };
}

const languageOf = (r: Pick<Registration, "language">): Lang | null => (isLang(r.language) ? r.language : null);

/** A mail to the person a registration names (or who booked for the group), in the language they registered in. */
const mailTo = (ctx: ServiceContext, r: Registration, compose: (t: T, lang: Lang) => MailContent) =>
  sendMail(ctx.db, ctx.clock, { tenant: ctx.tenant, to: r.email, usedLanguage: languageOf(r), compose });

/**
 * What registering came to, for the person who registered (and those they named): who has a place, with
 * the calendar file, and who waits and where on the list.
 */
export async function mailPlaced(ctx: ServiceContext, e: CommunityEvent, group: Registration[], places: Map<string, number>) {
  const booker = group[0] as Registration;
  const registered = group.filter((r) => r.status === "registered");
  const waiting = group.filter((r) => r.status === "waiting");
  await mailTo(ctx, booker, (t, lang) => ({
    subject: registered.length ? t("registration.mail.registered.subject", { title: e.title }) : t("registration.mail.waiting.subject", { title: e.title }),
    paragraphs: [
      ...(registered.length ? [t("registration.mail.registered.body", { title: e.title, names: registered.map((r) => r.name).join(", ") })] : []),
      ...waiting.map((r) => t("registration.mail.waiting.body", { title: e.title, name: r.name, place: places.get(r.id) ?? 0 })),
      ...eventLines(ctx, e, t, lang, registered.length > 0),
      t("registration.mail.manage"),
      t("mail.notYou"),
    ],
    action: { label: t("registration.mail.manageAction"), url: manageUrl(ctx, booker.groupId) },
    attachments: registered.length ? [icsAttachment(ctx, e)] : [],
  }));
}

/** A freed place offered to the first on the waiting list, to accept by the deadline. */
export async function mailOffered(ctx: ServiceContext, e: CommunityEvent, r: Registration) {
  await mailTo(ctx, r, (t, lang) => ({
    subject: t("registration.mail.offered.subject", { title: e.title }),
    paragraphs: [
      t("registration.mail.offered.body", { title: e.title, name: r.name, deadline: formats(lang, ctx.tenant.timeZone).dateTime(r.offerExpiresAt ?? "") }),
      ...eventLines(ctx, e, t, lang, false),
      t("registration.mail.offered.otherwise"),
    ],
    action: { label: t("registration.mail.offered.action"), url: manageUrl(ctx, r.groupId) },
    attachments: [icsAttachment(ctx, e)],
  }));
}

/** A place given straight from the waiting list (the start is near), or an offer accepted. */
export async function mailGiven(ctx: ServiceContext, e: CommunityEvent, r: Registration) {
  await mailTo(ctx, r, (t, lang) => ({
    subject: t("registration.mail.given.subject", { title: e.title }),
    paragraphs: [t("registration.mail.given.body", { title: e.title, name: r.name }), ...eventLines(ctx, e, t, lang, true), t("registration.mail.manage")],
    action: { label: t("registration.mail.manageAction"), url: manageUrl(ctx, r.groupId) },
    attachments: [icsAttachment(ctx, e)],
  }));
}

/** An offer not accepted in time: the place went on to the next. */
export async function mailLapsed(ctx: ServiceContext, e: CommunityEvent, r: Registration) {
  await mailTo(ctx, r, (t) => ({
    subject: t("registration.mail.lapsed.subject", { title: e.title }),
    paragraphs: [t("registration.mail.lapsed.body", { title: e.title, name: r.name })],
    action: { label: t("registration.mail.lapsed.action"), url: `${ctx.baseUrl}/events/${e.id}` },
  }));
}

/** The day before: where and when, and the way to cancel so someone on the list can come. */
export async function mailReminder(ctx: ServiceContext, e: CommunityEvent, group: Registration[]) {
  const booker = group[0] as Registration;
  await mailTo(ctx, booker, (t, lang) => ({
    subject: t("registration.mail.reminder.subject", { title: e.title }),
    paragraphs: [
      t("registration.mail.reminder.body", { title: e.title, names: group.map((r) => r.name).join(", ") }),
      ...eventLines(ctx, e, t, lang, true),
      t("registration.mail.reminder.cancel"),
    ],
    action: { label: t("registration.mail.manageAction"), url: manageUrl(ctx, booker.groupId) },
    attachments: [icsAttachment(ctx, e)],
  }));
}

/** To an address that already has a place or a place on the list: the way to it; nothing new is written. */
export async function mailAlready(ctx: ServiceContext, e: CommunityEvent, first: Registration) {
  await sendMail(ctx.db, ctx.clock, {
    tenant: ctx.tenant,
    to: first.email,
    usedLanguage: ctx.lang,
    compose: (t) => ({
      subject: t("registration.mail.already.subject", { title: e.title }),
      paragraphs: [t("registration.mail.already.body", { title: e.title }), t("mail.notYou")],
      action: { label: t("registration.mail.manageAction"), url: manageUrl(ctx, first.groupId) },
    }),
  });
}

/** What of an event those registered must hear about when it changes. */
export type EventChange = "dates" | "place" | "link";
const changeWords: Record<EventChange, MessageKey> = {
  dates: "registration.mail.changed.dates",
  place: "registration.mail.changed.place",
  link: "registration.mail.changed.link",
};

/** Everyone registered or waiting hears that the event changed (and what: dates, place or link) or was cancelled. */
export async function mailChange(ctx: ServiceContext, e: CommunityEvent, group: Registration[], what: "changed" | "cancelled", changes: EventChange[] = []) {
  const booker = group[0] as Registration;
  const registered = group.some((r) => r.status === "registered" || r.status === "offered");
  await mailTo(ctx, booker, (t, lang) => ({
    subject: t(what === "cancelled" ? "registration.mail.cancelled.subject" : "registration.mail.changed.subject", { title: e.title }),
    paragraphs:
      what === "cancelled"
        ? [t("registration.mail.cancelled.body", { title: e.title })]
        : [
            changes.length
              ? t("registration.mail.changed.what", { title: e.title, what: formats(lang, ctx.tenant.timeZone).list(changes.map((c) => t(changeWords[c]))) })
              : t("registration.mail.changed.body", { title: e.title }),
            ...eventLines(ctx, e, t, lang, registered),
          ],
    action:
      what === "cancelled"
        ? { label: t("registration.mail.cancelled.action"), url: `${ctx.baseUrl}/events` }
        : { label: t("registration.mail.manageAction"), url: manageUrl(ctx, booker.groupId) },
    attachments: what === "changed" && registered ? [icsAttachment(ctx, e)] : [],
  }));
}
