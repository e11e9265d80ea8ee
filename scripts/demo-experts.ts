// The expert pool's demo: twelve skilled volunteers, and boards' requests in each state (waiting, asked,
// being helped with hours logged, and closed with a rating from each side).
import type { Database } from "../src/db/database.js";
import type { ExpertMatch, ExpertProfile, ExpertRequest, Skill } from "../src/modules/experts/experts.model.js";
import { insertHours, insertMatch, insertProfile, insertRequest } from "../src/modules/experts/experts.repository.js";
import { newId } from "../src/platform/ids.js";

const DAY = 86_400_000;

export interface ExpertsDemoInput {
  tenantId: string;
  now: Date;
  domain: string;
  passwordHash: string;
  /** The demo associations in the demo's order (the first two have the demo board member as admin). */
  associationIds: string[];
  people: { assocAdmin: string; staff: string };
}

/** The demo's experts; the first is the one the browser test signs in as. */
export const DEMO_EXPERTS: { key: string; name: string; skills: Skill[]; hours: number; phone: string | null; experience: string }[] = [
  {
    key: "eva",
    name: "Eva Revisor",
    skills: ["finance", "fundraising"],
    hours: 4,
    phone: "+45 21 43 65 87",
    experience: "Statsautoriseret revisor i 20 år. Hjælper gerne med budget og regnskab.",
  },
  {
    key: "henrik",
    name: "Henrik Bogholder",
    skills: ["finance"],
    hours: 6,
    phone: null,
    experience: "Bogholder i en mindre virksomhed. Kender e-conomic og Dinero.",
  },
  { key: "lone", name: "Lone Advokat", skills: ["law"], hours: 3, phone: "+45 40 11 22 33", experience: "Advokat med foreningsret og vedtægter som speciale." },
  {
    key: "mads",
    name: "Mads Jurist",
    skills: ["law", "chairing"],
    hours: 5,
    phone: null,
    experience: "Jurist i kommunen, har været dirigent på mange generalforsamlinger.",
  },
  {
    key: "sara",
    name: "Sara Kommunikation",
    skills: ["communication"],
    hours: 8,
    phone: "+45 50 60 70 80",
    experience: "Kommunikationsrådgiver. Nyhedsbreve, Facebook og pressemeddelelser.",
  },
  { key: "omar", name: "Omar Udvikler", skills: ["it"], hours: 10, phone: null, experience: "Webudvikler. Hjemmesider, e-mail og medlemssystemer." },
  {
    key: "ida",
    name: "Ida Fundraiser",
    skills: ["fundraising", "communication"],
    hours: 4,
    phone: null,
    experience: "Har skrevet fondsansøgninger for idrætsforeninger i ti år.",
  },
  {
    key: "jens",
    name: "Jens Formand",
    skills: ["chairing"],
    hours: 2,
    phone: "+45 23 45 67 89",
    experience: "Tidligere formand for en stor forening. Mødeledelse og bestyrelsesarbejde.",
  },
  { key: "pia", name: "Pia Økonomi", skills: ["finance", "chairing"], hours: 3, phone: null, experience: "Økonomichef, kasserer i to foreninger." },
  {
    key: "tobias",
    name: "Tobias IT",
    skills: ["it", "communication"],
    hours: 6,
    phone: null,
    experience: "IT-supporter. Hjælper med Microsoft 365 og Google Workspace.",
  },
  { key: "nadia", name: "Nadia Jura", skills: ["law", "fundraising"], hours: 2, phone: null, experience: "Jurastuderende med erfaring fra Retshjælpen." },
  {
    key: "karl",
    name: "Karl Pensionist",
    skills: ["finance", "it"],
    hours: 12,
    phone: "+45 30 30 30 30",
    experience: "Pensioneret bankrådgiver. Har god tid.",
  },
];

export async function seedExperts(db: Database, input: ExpertsDemoInput): Promise<void> {
  const at = (days: number) => new Date(input.now.getTime() + days * DAY).toISOString();
  const date = (days: number) => at(days).slice(0, 10);
  const experts: ExpertProfile[] = [];
  for (const [i, e] of DEMO_EXPERTS.entries()) {
    const userId = newId();
    await db
      .insertInto("users")
      .values({
        id: userId,
        tenant_id: input.tenantId,
        email: `ekspert.${e.key}@${input.domain}`,
        name: e.name,
        password_hash: input.passwordHash,
        email_verified_at: at(-200),
        language: null,
        created_at: at(-200),
        updated_at: at(-200),
      })
      .execute();
    const profile: ExpertProfile = {
      id: newId(),
      tenantId: input.tenantId,
      userId,
      skills: e.skills,
      experience: e.experience,
      hoursPerMonth: e.hours,
      phone: e.phone,
      status: i === 10 ? "paused" : "active",
      createdAt: at(-180 + i),
      updatedAt: at(-180 + i),
    };
    await insertProfile(db, profile);
    experts.push(profile);
  }
  const expert = (key: string) => experts[DEMO_EXPERTS.findIndex((e) => e.key === key)] as ExpertProfile;
  const association = (i: number) => input.associationIds[i] ?? (input.associationIds[0] as string);

  const request = async (i: number, skill: Skill, description: string, status: ExpertRequest["status"], daysAgo: number, neededBy: number | null) => {
    const r: ExpertRequest = {
      id: newId(),
      tenantId: input.tenantId,
      associationId: association(i),
      skill,
      description,
      neededBy: neededBy === null ? null : date(neededBy),
      status,
      askedBy: i < 2 ? input.people.assocAdmin : null,
      createdAt: at(-daysAgo),
      updatedAt: at(-daysAgo),
    };
    await insertRequest(db, r);
    return r;
  };
  const match = async (r: ExpertRequest, e: ExpertProfile, status: ExpertMatch["status"], daysAgo: number, rated = false) => {
    const m: ExpertMatch = {
      id: newId(),
      tenantId: input.tenantId,
      requestId: r.id,
      expertId: e.id,
      status,
      proposedBy: input.people.staff,
      proposedAt: at(-daysAgo),
      answeredAt: status === "proposed" ? null : at(-daysAgo + 1),
      closedAt: status === "closed" ? at(-5) : null,
      closedBy: status === "closed" ? input.people.assocAdmin : null,
      expertRating: rated ? 5 : null,
      expertComment: rated ? "En engageret bestyrelse, der var god at samarbejde med." : null,
      boardRating: rated ? 5 : null,
      boardComment: rated ? "Vi fik nye vedtægter på plads før generalforsamlingen." : null,
      boardRatedBy: rated ? input.people.assocAdmin : null,
    };
    await insertMatch(db, m);
    return m;
  };
  const hours = async (m: ExpertMatch, daysAgo: number, minutes: number, what: string, by: string) =>
    insertHours(db, { id: newId(), tenantId: input.tenantId, matchId: m.id, onDate: date(-daysAgo), minutes, what, loggedBy: by, createdAt: at(-daysAgo) });

  // Waiting for an expert.
  await request(2, "law", "Vi vil gerne have gennemgået vores vedtægter, før vi søger om at blive godkendt som almennyttig forening.", "open", 3, 30);
  await request(4, "it", "Vores hjemmeside er gammel, og ingen i bestyrelsen ved, hvordan man opdaterer den.", "open", 1, null);
  // An expert has been asked.
  const asked = await request(
    3,
    "communication",
    "Vi skal have et nyhedsbrev ud til medlemmerne hver måned og vil gerne have hjælp til at komme i gang.",
    "proposed",
    6,
    45,
  );
  await match(asked, expert("sara"), "proposed", 2);
  // Being helped, with hours.
  const running = await request(1, "fundraising", "Vi vil søge fonde til en ny lektiecafé og har brug for hjælp til ansøgningen.", "matched", 40, 20);
  const helping = await match(running, expert("ida"), "accepted", 35);
  await hours(helping, 30, 120, "Første møde og gennemgang af ideen", expert("ida").userId);
  await hours(helping, 20, 180, "Udkast til fondsansøgning", expert("ida").userId);
  // Closed, rated by both.
  const done = await request(0, "law", "Nye vedtægter til generalforsamlingen.", "closed", 120, null);
  await match(done, expert("nadia"), "declined", 118);
  const closed = await match(done, expert("lone"), "closed", 115, true);
  await hours(closed, 110, 90, "Gennemgang af de gamle vedtægter", expert("lone").userId);
  await hours(closed, 100, 150, "Forslag til nye vedtægter og møde med bestyrelsen", input.people.assocAdmin);
}
