// Counselling in the demo municipality: about fifteen cases across topics and associations, some open with a next
// step (one of them overdue), some closed, and one new initiative that booked a conversation on the start-up page.
// Every date is counted from the demo's clock, so the demo stays sensible.

import { Temporal } from "temporal-polyfill";
import type { Database } from "../src/db/database.js";
import type { CounsellingCase, Topic } from "../src/modules/counselling/counselling.model.js";
import { insertCase, insertEntry } from "../src/modules/counselling/counselling.repository.js";
import { newId } from "../src/platform/ids.js";

export interface CounsellingDemoInput {
  tenantId: string;
  zone: string;
  now: Date;
  /** The demo associations in the demo's order (the first two have the demo board member as admin). */
  associations: { id: string; name: string }[];
  people: { staff: string; tenantAdmin: string };
}

type Talk = { daysAgo: number; minutes: number; agreed: string; note?: string; next?: [string, number] };
type DemoCase = { association: number | null; topic: Topic; about: string; staff: "staff" | "tenantAdmin"; closed?: boolean; talks: Talk[] };

const CASES: DemoCase[] = [
  {
    association: 0,
    topic: "recruitment",
    about: "Besøgsvennerne har en venteliste på 14 ældre og for få frivillige.",
    staff: "staff",
    talks: [
      {
        daysAgo: 40,
        minutes: 60,
        agreed: "I laver et opslag om besøgsven på platformen med en kort, konkret opgave.",
        note: "Formanden er ny og lidt usikker.",
      },
      {
        daysAgo: 12,
        minutes: 45,
        agreed: "I deltager i frivilligmessen med en stand og to frivillige, der fortæller.",
        next: ["Centret sender materiale til standen", 5],
      },
    ],
  },
  {
    association: 0,
    topic: "board",
    about: "Hjælp til generalforsamling og ny kasserer.",
    staff: "tenantAdmin",
    closed: true,
    talks: [
      {
        daysAgo: 150,
        minutes: 90,
        agreed: "Dagsorden og forslag til vedtægtsændring gennemgået. I indkalder seks uger før.",
        note: "Kassereren stopper af helbredsgrunde.",
      },
    ],
  },
  {
    association: 1,
    topic: "retention",
    about: "Lektiecaféen mister frivillige efter sommerferien.",
    staff: "staff",
    talks: [
      {
        daysAgo: 30,
        minutes: 50,
        agreed: "I prøver en fast introaften og en makker-ordning for nye frivillige.",
        next: ["Lektiecaféen fortæller, hvordan introaftenen gik", -3],
      },
    ],
  },
  {
    association: 1,
    topic: "fundraising",
    about: "Ansøgning til §18-puljen om bøger og it.",
    staff: "staff",
    closed: true,
    talks: [
      { daysAgo: 95, minutes: 75, agreed: "Budgettet deles i bøger og bærbare; I beskriver, hvor mange børn der kommer.", note: "Gode muligheder i puljen." },
    ],
  },
  {
    association: 2,
    topic: "recruitment",
    about: "Gåklubben vil nå flere mænd over 70.",
    staff: "tenantAdmin",
    talks: [{ daysAgo: 20, minutes: 40, agreed: "I lægger gåturen forbi pensionistklubben og laver en plakat.", next: ["Plakat til pensionistklubben", 10] }],
  },
  {
    association: 3,
    topic: "cooperation",
    about: "Samarbejde med hospicet om sorggrupper.",
    staff: "staff",
    closed: true,
    talks: [{ daysAgo: 200, minutes: 60, agreed: "Centret formidler kontakt til hospicets frivilligkoordinator." }],
  },
  {
    association: 4,
    topic: "board",
    about: "Bestyrelsen er uenig om tavshedspligt og datahåndtering.",
    staff: "staff",
    talks: [
      {
        daysAgo: 60,
        minutes: 90,
        agreed: "I skriver en kort politik om tavshedspligt, som alle frivillige skriver under på.",
        note: "Konflikt mellem to bestyrelsesmedlemmer.",
      },
      { daysAgo: 8, minutes: 30, agreed: "Udkastet er godt; I sender det til generalforsamlingen.", next: ["Bestyrelsen vedtager politikken", 21] },
    ],
  },
  {
    association: 5,
    topic: "fundraising",
    about: "Fædregruppen søger fondsmidler til weekendtur.",
    staff: "tenantAdmin",
    closed: true,
    talks: [{ daysAgo: 120, minutes: 45, agreed: "To fonde udvalgt; I skriver ansøgningen, centret læser korrektur." }],
  },
  {
    association: 6,
    topic: "other",
    about: "Spørgsmål om forsikring af frivillige.",
    staff: "staff",
    closed: true,
    talks: [{ daysAgo: 75, minutes: 20, agreed: "Kommunens frivilligforsikring dækker jeres aktiviteter; I får linket." }],
  },
  {
    association: 7,
    topic: "cooperation",
    about: "Idrætsforeningen vil samarbejde med skolen om motion i frikvarteret.",
    staff: "staff",
    talks: [{ daysAgo: 15, minutes: 60, agreed: "Centret arrangerer et møde med skolelederen.", next: ["Møde med skolelederen", 7] }],
  },
  {
    association: 7,
    topic: "retention",
    about: "Trænere stopper efter et år.",
    staff: "tenantAdmin",
    closed: true,
    talks: [{ daysAgo: 180, minutes: 60, agreed: "I indfører en trænerfest og betalt kursus efter et år." }],
  },
  {
    association: 2,
    topic: "board",
    about: "Ny formand vil have overblik.",
    staff: "staff",
    closed: true,
    talks: [{ daysAgo: 250, minutes: 45, agreed: "Årshjul for bestyrelsen gennemgået." }],
  },
  {
    association: 3,
    topic: "recruitment",
    about: "Sorggruppen mangler en frivillig med erfaring.",
    staff: "staff",
    talks: [{ daysAgo: 5, minutes: 30, agreed: "I lægger et opslag op; centret deler det i nyhedsbrevet.", next: ["Opslaget deles i nyhedsbrevet", 2] }],
  },
  {
    association: null,
    topic: "startup",
    about: "Repair café i biblioteket – vil gerne være en forening.",
    staff: "staff",
    talks: [
      { daysAgo: 25, minutes: 60, agreed: "Vi har gennemgået de fire trin. I skriver vedtægter ud fra eksemplet.", next: ["Stiftende generalforsamling", 14] },
    ],
  },
];

/** A new initiative that booked a conversation on the start-up page and waits for an answer. */
const BOOKED = {
  name: "Amalie Krog",
  email: "amalie.krog@example.org",
  phone: "+45 20 30 40 50",
  about: "Vi er nogle forældre, der vil starte en legestue for børn med handicap.",
};

export async function seedCounselling(db: Database, input: CounsellingDemoInput): Promise<void> {
  const today = Temporal.Instant.fromEpochMilliseconds(input.now.getTime()).toZonedDateTimeISO(input.zone).toPlainDate();
  const day = (offset: number) => today.add({ days: offset }).toString();
  const at = (offset: number) => `${day(offset)}T10:00:00.000Z`;
  for (const c of CASES) {
    const first = Math.max(...c.talks.map((t) => t.daysAgo)) + 2;
    const last = Math.min(...c.talks.map((t) => t.daysAgo));
    const association = c.association === null ? null : input.associations[c.association];
    const record: CounsellingCase = {
      id: newId(),
      tenantId: input.tenantId,
      associationId: association?.id ?? null,
      initiativeName: association ? null : "Repair Café Sønderby",
      contactName: association ? null : "Henrik Lauridsen",
      contactEmail: association ? null : "henrik.lauridsen@example.org",
      contactPhone: null,
      topic: c.topic,
      about: c.about,
      source: "staff",
      status: c.closed ? "closed" : "open",
      staffId: input.people[c.staff],
      createdBy: input.people[c.staff],
      createdAt: at(-first),
      updatedAt: at(-last),
      closedAt: c.closed ? at(-last + 1) : null,
    };
    await insertCase(db, { ...record, closedBy: c.closed ? record.staffId : null });
    for (const t of c.talks)
      await insertEntry(db, input.tenantId, {
        id: newId(),
        caseId: record.id,
        heldOn: day(-t.daysAgo),
        minutes: t.minutes,
        agreed: t.agreed,
        internalNote: t.note ?? "",
        nextStep: t.next?.[0] ?? null,
        nextStepOn: t.next ? day(t.next[1]) : null,
        responsibleId: record.staffId,
        // A next step whose day has passed was reminded of on its day.
        remindedAt: t.next && t.next[1] <= 0 ? at(t.next[1]) : null,
        createdBy: record.staffId,
        createdAt: at(-t.daysAgo),
      });
  }
  const now = input.now.toISOString();
  await insertCase(db, {
    id: newId(),
    tenantId: input.tenantId,
    associationId: null,
    initiativeName: null,
    contactName: BOOKED.name,
    contactEmail: BOOKED.email,
    contactPhone: BOOKED.phone,
    topic: "startup",
    about: BOOKED.about,
    source: "start",
    status: "open",
    staffId: null,
    createdBy: null,
    createdAt: now,
    updatedAt: now,
    closedAt: null,
  });
}
