// Bridge-building in the demo municipality: a bridge-builder with about thirty people over the past year,
// from every stage, a jobcentre referrer, three companions, and referrals to real demo associations
// (the walking club, the choir, the network café …) with first meetings, welcome lists and follow-ups.
// Everything that tells of a person is sealed through the module's own writers.

import { Temporal } from "temporal-polyfill";
import type { Database } from "../src/db/database.js";
import type { BridgeCase, CaseStatus, Need, Outcome, Purpose, Source, SourceUnit } from "../src/modules/bridge/bridge.model.js";
import { insertNote } from "../src/modules/bridge/case-records.repository.js";
import { insertCase } from "../src/modules/bridge/cases.repository.js";
import { insertCompanion } from "../src/modules/bridge/companions.repository.js";
import { insertFollowUp } from "../src/modules/bridge/follow-ups.repository.js";
import { insertPick, insertReferral } from "../src/modules/bridge/handover.repository.js";
import type { Keyring } from "../src/platform/crypto/sealed.js";
import { newId } from "../src/platform/ids.js";

const DAY = 86_400_000;

/** The default welcome list, as the centre's settings would copy it into a referral. */
const WELCOME = ["Hvem tager imod ved døren første gang", "Hvad der sker den første gang, fortalt på forhånd", "En fast kontaktperson til spørgsmål"];

const COMPANIONS = [
  { name: "Inger Mikkelsen", email: "foelgeven.inger", postcode: "8000", languages: ["da"], slots: ["tue-morning", "thu-morning"] },
  { name: "Bent Olsen", email: "foelgeven.bent", postcode: "8200", languages: ["da", "en"], slots: ["wed-afternoon", "sat-morning"] },
  { name: "Yasmin Ali", email: "foelgeven.yasmin", postcode: "8210", languages: ["da", "ar"], slots: ["mon-evening", "thu-evening"] },
];

/** Where the people went: the demo associations by name or kind, each with what the first meeting is. */
const PLACES = {
  walk: { match: "Sønderby Gåklub", title: "Onsdagsturen langs åen", place: "Ved Sønderby Station" },
  choir: { match: "Kor", title: "Korets øveaften", place: "Kirkens sognegård" },
  cafe: { match: "Netværkscafé", title: "Fredagscaféen", place: "Beboerhuset, stuen" },
  visit: { match: "Sønderby Besøgsvenner", title: "Caféaften for besøgsvenner", place: "Sønderby Frivilligcenter, Kirkegade 4" },
  food: { match: "Madklub for ensomme", title: "Fællesspisning torsdag", place: "Kirkens køkken" },
} as const;
type Place = keyof typeof PLACES;

interface Plan {
  name: string;
  daysAgo: number;
  status: CaseStatus;
  source: Source;
  unit?: SourceUnit;
  needs: Need[];
  place?: Place;
  /** The outcome of each follow-up once it is due; closed cases stop at the first that is not "still coming". */
  outcomes?: [Outcome, Outcome?, Outcome?];
  /** A referral still waiting for the association's answer. */
  waiting?: boolean;
  noFigures?: boolean;
}

const PLANS: Plan[] = [
  { name: "Bodil", daysAgo: 3, status: "awaiting_consent", source: "municipality", unit: "jobcentre", needs: [] },
  { name: "Kasper", daysAgo: 6, status: "awaiting_consent", source: "municipality", unit: "jobcentre", needs: [] },
  { name: "Nadia", daysAgo: 9, status: "awaiting_consent", source: "municipality", unit: "social_psychiatry", needs: [] },
  { name: "Erik", daysAgo: 12, status: "intake", source: "self", needs: ["small_group", "quiet_place"] },
  { name: "Lone", daysAgo: 15, status: "intake", source: "municipality", unit: "jobcentre", needs: ["fixed_contact"] },
  { name: "Ahmad", daysAgo: 20, status: "intake", source: "association", needs: ["language"] },
  { name: "Signe", daysAgo: 26, status: "intake", source: "municipality", unit: "health", needs: ["step_free"] },
  { name: "Jens", daysAgo: 33, status: "intake", source: "self", needs: ["company_first_times"], noFigures: true },
  { name: "Mona", daysAgo: 38, status: "choosing", source: "municipality", unit: "social_psychiatry", needs: ["quiet_place", "small_group"] },
  { name: "Preben", daysAgo: 45, status: "choosing", source: "municipality", unit: "jobcentre", needs: ["fixed_contact"] },
  { name: "Fatima", daysAgo: 52, status: "choosing", source: "association", needs: ["language", "small_group"] },
  { name: "Ole", daysAgo: 60, status: "choosing", source: "centre", needs: [] },
  { name: "Rikke", daysAgo: 50, status: "handed_over", source: "self", needs: ["quiet_place"], place: "choir", waiting: true },
  { name: "Tove", daysAgo: 58, status: "handed_over", source: "municipality", unit: "housing", needs: ["company_first_times"], place: "visit", waiting: true },
  { name: "Henning", daysAgo: 66, status: "handed_over", source: "municipality", unit: "jobcentre", needs: ["small_group"], place: "walk" },
  { name: "Amira", daysAgo: 75, status: "handed_over", source: "association", needs: ["language", "company_first_times"], place: "cafe" },
  { name: "Søren", daysAgo: 90, status: "handed_over", source: "municipality", unit: "social_psychiatry", needs: ["quiet_place"], place: "choir" },
  { name: "Karin", daysAgo: 100, status: "taking_part", source: "self", needs: ["small_group"], place: "walk", outcomes: ["still_coming"] },
  {
    name: "Mads",
    daysAgo: 120,
    status: "taking_part",
    source: "municipality",
    unit: "jobcentre",
    needs: ["fixed_contact"],
    place: "cafe",
    // The 3-month follow-up is overdue: nobody has recorded it yet.
    outcomes: ["still_coming"],
  },
  {
    name: "Gitte",
    daysAgo: 140,
    status: "taking_part",
    source: "municipality",
    unit: "social_psychiatry",
    needs: ["quiet_place", "company_first_times"],
    place: "choir",
    outcomes: ["still_coming", "still_coming"],
  },
  { name: "Yusuf", daysAgo: 160, status: "taking_part", source: "association", needs: ["language"], place: "cafe", outcomes: ["still_coming", "still_coming"] },
  {
    name: "Birthe",
    daysAgo: 190,
    status: "taking_part",
    source: "municipality",
    unit: "jobcentre",
    needs: ["step_free", "small_group"],
    place: "walk",
    outcomes: ["still_coming", "still_coming"],
  },
  {
    name: "Poul",
    daysAgo: 210,
    status: "taking_part",
    source: "self",
    needs: ["fixed_contact"],
    place: "walk",
    outcomes: ["still_coming", "still_coming", "still_coming"],
  },
  {
    name: "Hanne",
    daysAgo: 230,
    status: "taking_part",
    source: "municipality",
    unit: "jobcentre",
    needs: ["quiet_place"],
    place: "choir",
    outcomes: ["still_coming", "still_coming", "still_coming"],
  },
  {
    name: "Lars",
    daysAgo: 250,
    status: "taking_part",
    source: "municipality",
    unit: "social_psychiatry",
    needs: ["small_group", "company_first_times"],
    place: "walk",
    outcomes: ["still_coming", "still_coming", "still_coming"],
  },
  {
    name: "Inge",
    daysAgo: 280,
    status: "taking_part",
    source: "self",
    needs: ["step_free"],
    place: "food",
    outcomes: ["still_coming", "still_coming", "still_coming"],
  },
  {
    name: "Per",
    daysAgo: 310,
    status: "taking_part",
    source: "municipality",
    unit: "health",
    needs: ["small_group"],
    place: "choir",
    outcomes: ["still_coming", "still_coming", "still_coming"],
  },
  { name: "Ditte", daysAgo: 200, status: "closed", source: "centre", needs: ["quiet_place"], place: "cafe", outcomes: ["never_started"] },
  {
    name: "Morten",
    daysAgo: 260,
    status: "closed",
    source: "association",
    needs: ["fixed_contact", "small_group"],
    place: "walk",
    outcomes: ["still_coming", "stopped"],
  },
  {
    name: "Anne",
    daysAgo: 300,
    status: "closed",
    source: "municipality",
    unit: "jobcentre",
    needs: ["language", "company_first_times"],
    place: "cafe",
    outcomes: ["still_coming", "still_coming", "stopped"],
  },
];

const REASONS: Partial<Record<Source | SourceUnit, string>> = {
  self: "Har boet alene, siden min mand døde, og vil gerne ud blandt andre igen.",
  jobcentre: "Er sygemeldt og har brug for et sted at komme, hvor der ikke stilles krav.",
  social_psychiatry: "Har det bedst i små grupper og vil gerne have noget fast at stå op til.",
  health: "Har fået det bedre efter et forløb og vil gerne holde fast i at komme ud.",
  housing: "Er lige flyttet til området og kender ingen endnu.",
  association: "Kommer i vores lektiecafé med sine børn og spurgte, om der også er noget for voksne.",
  centre: "Kom forbi frivilligcentret og spurgte efter et fællesskab.",
};
const WISHES = [
  "Noget med at gå eller være ude i naturen.",
  "Synge eller høre musik sammen med andre.",
  "En kop kaffe og en snak, gerne på faste dage.",
  "Lave mad og spise sammen med andre.",
];
const NOTES = [
  "Godt første møde. Vi aftalte at tale sammen igen efter en uge.",
  "Vil helst have nogen med den første gang. Spurgt en følgeven.",
  "Har været med tre gange nu og glæder sig til næste onsdag.",
];

export async function seedBridge(
  db: Database,
  ring: Keyring,
  input: {
    tenantId: string;
    now: Date;
    zone: string;
    domain: string;
    passwordHash: string;
    builderId: string;
    referrerId: string;
    associations: { id: string; name: string; kind: string; category: string | null }[];
  },
): Promise<void> {
  const { tenantId, now, zone } = input;
  const at = (ms: number) => new Date(ms).toISOString();
  const iso = at(now.getTime());
  const localDay = (ms: number) => Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone).toPlainDate();
  /** A meeting at 17.00 local time on the day, as the association writes it, and the instant it happened. */
  const meeting = (ms: number) => {
    const local = localDay(ms).toPlainDateTime({ hour: 17 });
    return { local: local.toString({ smallestUnit: "minute" }), instant: at(local.toZonedDateTime(zone).epochMilliseconds) };
  };

  const companionIds: string[] = [];
  for (const c of COMPANIONS) {
    const id = newId();
    companionIds.push(id);
    await db
      .insertInto("users")
      .values({
        id,
        tenant_id: tenantId,
        email: `${c.email}@${input.domain}`,
        name: c.name,
        password_hash: input.passwordHash,
        email_verified_at: iso,
        language: null,
        created_at: at(now.getTime() - 400 * DAY),
        updated_at: iso,
      })
      .execute();
    await insertCompanion(db, tenantId, {
      userId: id,
      postcode: c.postcode,
      languages: c.languages,
      slots: c.slots,
      trainedOn: localDay(now.getTime() - 380 * DAY).toString(),
      active: true,
      createdAt: at(now.getTime() - 390 * DAY),
    });
  }

  const placeOf = (p: Place) => {
    const m = PLACES[p].match;
    const a = input.associations.find((x) => x.name === m) ?? input.associations.find((x) => x.kind === m);
    if (!a) throw new Error(`The demo has no association for ${m}`);
    return a;
  };

  for (const [i, plan] of PLANS.entries()) {
    const created = now.getTime() - plan.daysAgo * DAY - (i % 5) * 3_600_000;
    const consented = plan.status !== "awaiting_consent";
    const purposes: Purpose[] = ["bridge_building", "share_with_association", "follow_up", ...(plan.noFigures ? [] : (["figures"] as const))];
    const withCompanion = plan.needs.includes("company_first_times") && plan.place !== undefined;
    if (withCompanion) purposes.push("companion");
    const closedAt = plan.status === "closed" ? created + (plan.daysAgo - 20) * DAY * 0.8 : null;
    const c: BridgeCase = {
      id: newId(),
      tenantId,
      firstName: plan.name,
      contact: `${plan.name.toLowerCase().replace("ø", "oe")}.${i + 10}@mail.example`,
      personId: null,
      language: "da",
      source: plan.source,
      sourceUnit: plan.source === "municipality" ? (plan.unit ?? "other") : null,
      referredBy: plan.source === "municipality" && plan.unit === "jobcentre" ? input.referrerId : null,
      referringAssociationId: plan.source === "association" ? (input.associations[1]?.id ?? null) : null,
      reason: consented ? (REASONS[plan.unit ?? plan.source] ?? "") : "",
      status: plan.status,
      // Two fresh cases in intake wait for a bridge-builder to take them.
      builderId: consented && !(plan.status === "intake" && i % 2 === 0) ? input.builderId : null,
      consent: consented
        ? { at: at(created + 2 * DAY), by: plan.source === "self" ? null : input.builderId, purposes, how: i % 3 === 0 ? "phone" : "in_person", copy: "email" }
        : null,
      wishes: consented ? (WISHES[i % WISHES.length] ?? "") : "",
      interests: consented ? ([["sport", "nature"], ["culture"], ["social"], ["social", "elderly"]][i % 4] ?? []) : [],
      resources: consented ? "Er god til at lytte og kan godt lide at bage." : "",
      needs: consented ? plan.needs : [],
      notes: "",
      slots: consented ? ([["tue-morning", "wed-morning"], ["thu-evening"], ["fri-afternoon"], ["mon-evening", "wed-afternoon"]][i % 4] ?? []) : [],
      postcode: consented ? (["8000", "8200", "8210", "8220"][i % 4] ?? null) : null,
      languages: plan.needs.includes("language") ? ["ar", "en"] : ["da"],
      intakeAt: consented && plan.status !== "intake" ? at(created + 5 * DAY) : null,
      shareFields: consented ? ["first_name", "contact", "needs", "times"] : [],
      companionId: withCompanion ? (companionIds[i % companionIds.length] ?? null) : null,
      companionSince: withCompanion ? at(created + 12 * DAY) : null,
      purgeAfter: !consented ? at(created + 14 * DAY) : closedAt !== null ? at(closedAt + 365 * DAY) : null,
      createdAt: at(created),
      updatedAt: at(closedAt ?? Math.min(now.getTime(), created + 20 * DAY)),
      closedAt: closedAt !== null ? at(closedAt) : null,
      sharedWith: [],
    };
    await insertCase(db, ring, c, null);
    if (consented && i % 3 !== 2)
      await insertNote(db, ring, tenantId, {
        id: newId(),
        caseId: c.id,
        authorId: input.builderId,
        body: NOTES[i % NOTES.length] ?? "",
        createdAt: at(created + 5 * DAY),
      });

    // Choosing: two or three suggestions from the matching, none chosen yet.
    if (plan.status === "choosing")
      for (const p of (["walk", "choir", "cafe"] as const).slice(0, 2 + (i % 2))) {
        const a = placeOf(p);
        await insertPick(db, tenantId, {
          id: newId(),
          caseId: c.id,
          kind: "association",
          targetId: a.id,
          associationId: a.id,
          title: PLACES[p].title,
          category: a.category,
          pickedBy: "matching",
          chosen: false,
          createdAt: at(created + 7 * DAY),
        });
      }
    if (!plan.place) continue;

    const a = placeOf(plan.place);
    const pickId = newId();
    await insertPick(db, tenantId, {
      id: pickId,
      caseId: c.id,
      kind: "association",
      targetId: a.id,
      associationId: a.id,
      title: PLACES[plan.place].title,
      category: a.category,
      pickedBy: i % 2 ? "matching" : "builder",
      chosen: true,
      createdAt: at(created + 8 * DAY),
    });
    const sent = created + 10 * DAY;
    // A handed-over person meets in the coming days; the others met about three weeks after the referral.
    const meetingDay = plan.status === "handed_over" ? now.getTime() + (2 + (i % 6)) * DAY : created + (16 + (i % 9)) * DAY;
    const first = meeting(meetingDay);
    const met = plan.status === "taking_part" || (plan.status === "closed" && plan.outcomes?.[0] !== "never_started");
    await insertReferral(db, ring, tenantId, {
      id: newId(),
      caseId: c.id,
      pickId,
      associationId: a.id,
      status: plan.waiting ? "sent" : "accepted",
      shared: { firstName: c.firstName, contact: c.contact, needs: c.needs, times: c.slots },
      sentBy: input.builderId,
      sentAt: at(sent),
      answeredBy: null,
      answeredAt: plan.waiting ? null : at(sent + 2 * DAY),
      declineReason: null,
      firstMeetingAt: plan.waiting ? null : first.local,
      meetingPlace: plan.waiting ? null : PLACES[plan.place].place,
      metAt: met ? first.instant : null,
      welcomeItems: WELCOME,
      welcomeDone: met ? [0, 1, 2] : plan.waiting ? [] : [0],
    });
    if (!met && plan.status !== "closed") continue;

    // Follow-ups after 1, 3 and 6 months from the first meeting: recorded once due, with the outcome.
    const metDay = localDay(meetingDay);
    for (const [k, months] of [1, 3, 6].entries()) {
      const due = metDay.add({ months });
      const dueMs = due.toZonedDateTime({ timeZone: zone, plainTime: "10:00" }).epochMilliseconds;
      const outcome = plan.outcomes?.[k];
      const recorded = outcome !== undefined && dueMs + 2 * DAY <= now.getTime();
      if (plan.status === "closed" && !outcome) break;
      if (dueMs > now.getTime() + 200 * DAY) break;
      await insertFollowUp(db, ring, tenantId, {
        id: newId(),
        caseId: c.id,
        months,
        dueOn: due.toString(),
        doneAt: recorded ? at(dueMs + 2 * DAY) : null,
        outcome: recorded ? (outcome ?? null) : null,
        why:
          recorded && outcome === "stopped"
            ? "Holdet flyttede til en aften, der ikke passer med arbejdet."
            : recorded && outcome === "never_started"
              ? "Blev syg igen inden første gang."
              : "",
        personWords: recorded && outcome === "still_coming" ? "Det er rart at have noget fast i ugen." : "",
        recordedBy: recorded ? input.builderId : null,
        remindedAt: null,
      });
      if (recorded && outcome !== "still_coming") break;
    }
  }
}
