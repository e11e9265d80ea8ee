import type { Database } from "../../src/db/database.js";
import type { CommunityEvent, EventSession } from "../../src/modules/events/events.model.js";
import { insertEvent } from "../../src/modules/events/events.repository.js";
import { newId } from "../../src/platform/ids.js";
import type { TenantFixture } from "../harness.js";

const HOUR = 3_600_000;

/**
 * A published event written through the repository: a two-hour theme meeting at the centre, 20 places,
 * starting `startsIn` from `now` (one week by default). `sessions` gives a course its dates as offsets
 * in hours from the first start.
 */
export async function buildEvent(
  db: Database,
  tenant: TenantFixture,
  overrides: Partial<Omit<CommunityEvent, "sessions">> & { now?: Date; startsInHours?: number; sessionOffsetsHours?: number[] } = {},
): Promise<CommunityEvent> {
  const { now = new Date(), startsInHours = 24 * 7, sessionOffsetsHours = [0], ...fields } = overrides;
  const id = newId();
  const first = now.getTime() + startsInHours * HOUR;
  const sessions: EventSession[] = sessionOffsetsHours.map((offset) => ({
    id: newId(),
    eventId: id,
    startsAt: new Date(first + offset * HOUR).toISOString(),
    endsAt: new Date(first + offset * HOUR + 2 * HOUR).toISOString(),
  }));
  const event: CommunityEvent = {
    id,
    tenantId: tenant.id,
    kind: "theme_meeting",
    organiser: "centre",
    associationId: null,
    associationName: null,
    title: "Temamøde om rekruttering",
    description: "Hvordan finder foreningen nye frivillige? Vi deler erfaringer og gode råd.",
    categoryId: null,
    targetGroups: [],
    languages: ["da"],
    accessibility: ["step_free"],
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
    maxPerRegistration: 3,
    registrationOpensAt: null,
    registrationClosesAt: null,
    questions: [],
    contactEmail: "kontakt@frivilligcentret.test",
    status: "published",
    reviewNote: null,
    startsAt: sessions[0]?.startsAt as string,
    endsAt: sessions.at(-1)?.endsAt as string,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    cancelledAt: null,
    ...fields,
    sessions,
  };
  await insertEvent(db, event, null);
  return event;
}

export { buildRegistrations, type RegistrationSpec } from "./registration.factory.js";
