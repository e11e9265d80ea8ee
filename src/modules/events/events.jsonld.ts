import { type Lang, translator } from "../../platform/i18n/i18n.js";
import type { CommunityEvent } from "./events.model.js";

/** Who organises the event as the page names it, when it is not an association: the centre or the municipality. */
export interface JsonLdOrganiser {
  name: string;
  url?: string;
}

/**
 * A schema.org `Event` for an event's page, so search engines and calendars read its dates, place,
 * price and status. A course's sessions are its `subEvent`s. The online link is never in it: it is
 * told only to those registered. https://schema.org/Event
 */
export function eventJsonLd(event: CommunityEvent, url: string, lang: Lang, organiser?: JsonLdOrganiser): Record<string, unknown> {
  const t = translator(lang);
  const online = event.place === "online";
  const location = online
    ? { "@type": "VirtualLocation", name: t("calendar.online"), url }
    : {
        "@type": "Place",
        name: event.placeName ?? event.address ?? undefined,
        address: {
          "@type": "PostalAddress",
          streetAddress: event.address ?? undefined,
          postalCode: event.postcode ?? undefined,
        },
      };
  const organizerName = event.associationName ?? organiser?.name;
  const cancelled = event.status === "cancelled";
  return {
    "@context": "https://schema.org",
    "@type": event.kind === "course" ? "EducationEvent" : "Event",
    "@id": url,
    name: event.title,
    description: event.description || undefined,
    url,
    startDate: event.startsAt,
    endDate: event.endsAt,
    eventStatus: cancelled ? "https://schema.org/EventCancelled" : "https://schema.org/EventScheduled",
    eventAttendanceMode: online ? "https://schema.org/OnlineEventAttendanceMode" : "https://schema.org/OfflineEventAttendanceMode",
    location,
    ...(organizerName
      ? { organizer: { "@type": "Organization", name: organizerName, ...(organiser?.url && !event.associationName ? { url: organiser.url } : {}) } }
      : {}),
    isAccessibleForFree: event.price === "free",
    offers: {
      "@type": "Offer",
      url,
      price: event.price === "free" || event.priceMinor === null ? "0" : (event.priceMinor / 100).toFixed(2),
      priceCurrency: event.currency,
      availability: cancelled ? "https://schema.org/Discontinued" : "https://schema.org/InStock",
      ...(event.registrationOpensAt ? { validFrom: event.registrationOpensAt } : {}),
      ...(event.registrationClosesAt ? { validThrough: event.registrationClosesAt } : {}),
    },
    maximumAttendeeCapacity: event.capacity,
    ...(event.languages.length ? { inLanguage: event.languages.length === 1 ? event.languages[0] : event.languages } : {}),
    ...(event.sessions.length > 1
      ? {
          subEvent: event.sessions.map((s, i) => ({
            "@type": "Event",
            name: t("calendar.sessionTitle", { title: event.title, no: i + 1, of: event.sessions.length }),
            startDate: s.startsAt,
            endDate: s.endsAt,
            eventStatus: cancelled ? "https://schema.org/EventCancelled" : "https://schema.org/EventScheduled",
            eventAttendanceMode: online ? "https://schema.org/OnlineEventAttendanceMode" : "https://schema.org/OfflineEventAttendanceMode",
            location,
          })),
        }
      : {}),
  };
}
