import { describe, expect, it } from "vitest";
import { eventJsonLd } from "./events.jsonld.js";
import type { CommunityEvent } from "./events.model.js";

const base: CommunityEvent = {
  id: "01a21be4-0000-7000-8000-000000000001",
  tenantId: "t",
  kind: "theme_meeting",
  organiser: "centre",
  associationId: null,
  associationName: null,
  title: "Temamøde om rekruttering",
  description: "Hvordan finder foreningen nye frivillige?",
  categoryId: null,
  targetGroups: [],
  languages: ["da"],
  accessibility: [],
  place: "address",
  premiseId: null,
  placeName: "Frivilligcentret",
  address: "Torvet 1",
  postcode: "8000",
  onlineUrl: null,
  price: "free",
  priceMinor: null,
  currency: "DKK",
  capacity: 20,
  maxPerRegistration: 1,
  registrationOpensAt: null,
  registrationClosesAt: "2026-11-30T12:00:00.000Z",
  questions: [],
  contactEmail: "k@x.test",
  status: "published",
  reviewNote: null,
  startsAt: "2026-12-01T17:00:00.000Z",
  endsAt: "2026-12-01T19:00:00.000Z",
  createdAt: "2026-11-01T00:00:00.000Z",
  updatedAt: "2026-11-01T00:00:00.000Z",
  cancelledAt: null,
  sessions: [{ id: "s1", eventId: "e", startsAt: "2026-12-01T17:00:00.000Z", endsAt: "2026-12-01T19:00:00.000Z" }],
};
const url = "https://sonderby.example/events/01a21be4-0000-7000-8000-000000000001";

describe("an event as schema.org data", () => {
  it("names the event, its dates, place, organiser and free offer", () => {
    const ld = eventJsonLd(base, url, "da", { name: "Frivilligcenter Sønderby", url: "https://sonderby.example" });
    expect(ld).toMatchObject({
      "@context": "https://schema.org",
      "@type": "Event",
      name: "Temamøde om rekruttering",
      url,
      startDate: "2026-12-01T17:00:00.000Z",
      endDate: "2026-12-01T19:00:00.000Z",
      eventStatus: "https://schema.org/EventScheduled",
      eventAttendanceMode: "https://schema.org/OfflineEventAttendanceMode",
      location: { "@type": "Place", name: "Frivilligcentret", address: { "@type": "PostalAddress", streetAddress: "Torvet 1", postalCode: "8000" } },
      organizer: { "@type": "Organization", name: "Frivilligcenter Sønderby", url: "https://sonderby.example" },
      isAccessibleForFree: true,
      offers: { "@type": "Offer", price: "0", priceCurrency: "DKK", url, validThrough: "2026-11-30T12:00:00.000Z" },
      inLanguage: "da",
    });
    expect(ld).not.toHaveProperty("subEvent");
  });

  it("marks a cancelled online course with its sessions as sub-events, its price in the currency's units, and never its link", () => {
    const course: CommunityEvent = {
      ...base,
      kind: "course",
      organiser: "association",
      associationId: "a",
      associationName: "Sønderby Besøgsvenner",
      place: "online",
      placeName: null,
      address: null,
      postcode: null,
      onlineUrl: "https://meet.example/secret-room",
      price: "cost",
      priceMinor: 15050,
      status: "cancelled",
      cancelledAt: "2026-11-20T00:00:00.000Z",
      sessions: [1, 8, 15].map((d, i) => ({
        id: `s${i}`,
        eventId: "e",
        startsAt: `2026-12-${String(d).padStart(2, "0")}T17:00:00.000Z`,
        endsAt: `2026-12-${String(d).padStart(2, "0")}T19:00:00.000Z`,
      })),
      endsAt: "2026-12-15T19:00:00.000Z",
    };
    const ld = eventJsonLd(course, url, "en");
    expect(ld).toMatchObject({
      "@type": "EducationEvent",
      eventStatus: "https://schema.org/EventCancelled",
      eventAttendanceMode: "https://schema.org/OnlineEventAttendanceMode",
      location: { "@type": "VirtualLocation", url },
      organizer: { "@type": "Organization", name: "Sønderby Besøgsvenner" },
      isAccessibleForFree: false,
      offers: { price: "150.50", priceCurrency: "DKK", availability: "https://schema.org/Discontinued" },
    });
    const subs = ld.subEvent as { "@type": string; name: string; startDate: string; eventStatus: string }[];
    expect(subs).toHaveLength(3);
    expect(subs[2]).toMatchObject({
      "@type": "Event",
      name: "Temamøde om rekruttering (session 3 of 3)",
      startDate: "2026-12-15T17:00:00.000Z",
      eventStatus: "https://schema.org/EventCancelled",
    });
    expect(JSON.stringify(ld)).not.toContain("secret-room");
  });
});
