// Registrations written straight through the repository, for tests and the demo data alike. This file imports
// nothing from the test harness, so the demo (bundled into the server) can use it.
import type { Database } from "../../src/db/database.js";
import type { CommunityEvent, Registration, RegistrationStatus } from "../../src/modules/events/events.model.js";
import { insertRegistrations, nextQueueNo } from "../../src/modules/events/events.repository.js";
import type { Keyring } from "../../src/platform/crypto/sealed.js";
import { newId } from "../../src/platform/ids.js";

const HOUR = 3_600_000;

/** One person on an event as a test or the demo wants them; everything not given is filled in. */
export interface RegistrationSpec {
  name: string;
  email: string;
  status?: RegistrationStatus;
  userId?: string | null;
  associationId?: string | null;
  /** People registered together share a group (and the booker's address); each person has their own by default. */
  groupId?: string;
  phone?: string | null;
  answers?: Record<string, string>;
  /** Answers to sensitive questions: sealed, so they need `ring`. */
  sensitiveAnswers?: Record<string, string>;
  language?: string;
  createdAt?: string;
  /** When the status was last set: `createdAt`, or `now` for an offer, by default. */
  updatedAt?: string;
  offerExpiresAt?: string | null;
  addedBy?: string | null;
}

/**
 * Registrations for an event written through the repository, in the order given: those waiting or offered a
 * place get queue numbers in that order after anyone who waited before, an offer expires `offerHours` (48)
 * after `now`, and each person registered a minute after the one before them, ending at `now`.
 */
export async function buildRegistrations(
  db: Database,
  tenant: { id: string },
  event: Pick<CommunityEvent, "id">,
  people: RegistrationSpec[],
  options: { now?: Date; ring?: Keyring; offerHours?: number } = {},
): Promise<Registration[]> {
  if (!people.length) return [];
  const { now = new Date(), offerHours = 48 } = options;
  const sensitive = people.some((p) => p.sensitiveAnswers && Object.keys(p.sensitiveAnswers).length);
  if (sensitive && !options.ring) throw new Error("buildRegistrations: sensitive answers are sealed, so give a ring");
  let queueNo = await nextQueueNo(db, tenant.id, event.id);
  const rows = people.map((p, i) => {
    const status = p.status ?? "registered";
    const createdAt = p.createdAt ?? new Date(now.getTime() - (people.length - 1 - i) * 60_000).toISOString();
    const queued = status === "waiting" || status === "offered";
    return {
      id: newId(),
      tenantId: tenant.id,
      eventId: event.id,
      groupId: p.groupId ?? newId(),
      userId: p.userId ?? null,
      associationId: p.associationId ?? null,
      name: p.name,
      email: p.email,
      phone: p.phone ?? null,
      status,
      queueNo: queued ? queueNo++ : null,
      offerExpiresAt: status === "offered" ? (p.offerExpiresAt ?? new Date(now.getTime() + offerHours * HOUR).toISOString()) : null,
      answers: p.answers ?? {},
      sensitiveAnswers: p.sensitiveAnswers ?? {},
      overbooked: false,
      addedBy: p.addedBy ?? null,
      language: p.language ?? "da",
      createdAt,
      confirmedAt: status === "unconfirmed" ? null : createdAt,
      updatedAt: p.updatedAt ?? (status === "offered" ? now.toISOString() : createdAt),
      remindedAt: null,
    };
  });
  const written = await insertRegistrations(db, options.ring ?? NO_KEYS, rows);
  if (!written) throw new Error("buildRegistrations: someone already has a live place on this event");
  return rows.map(({ sensitiveAnswers: _, ...r }) => r);
}

/** Nothing is sealed without sensitive answers, so no key is needed. */
const NO_KEYS: Keyring = { currentId: "", keys: new Map() };
