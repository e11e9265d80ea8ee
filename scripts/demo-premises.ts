import type { Database } from "../src/db/database.js";
import { listOf } from "../src/db/lists.js";
import { writeBooking } from "../src/modules/premises/bookings/hold.js";
import { PremiseTree } from "../src/modules/premises/premise-tree.js";
import type { PremiseFields, PremiseKind } from "../src/modules/premises/premises.model.js";
import * as premises from "../src/modules/premises/premises.repository.js";
import * as rounds from "../src/modules/premises/rounds.repository.js";
import { insertFile } from "../src/platform/files/files.repository.js";
import { newId } from "../src/platform/ids.js";
import { addDays, expand, localToday, mondayOf } from "../src/platform/time/recurrence.js";
import { type Scene, scenePng } from "./demo-images.js";

type Spec = {
  key: string;
  parent?: string;
  kind: PremiseKind;
  name: string;
  description?: string;
  address?: string;
  postcode?: string;
  capacity?: number;
  size?: number;
  facilities?: string;
  accessibility?: string;
  rules?: string;
  access?: string;
  approval?: "auto" | "manual";
  price?: number;
  bookable?: boolean;
  /** Halls are booked a season ahead. */
  daysAhead?: number;
};

const SCHOOL_RULES = "Indendørssko i salen. Rydder op og slukker lyset efter jer. Ingen mad i klasselokalerne.";

/** A town's worth of premises: three schools, a library, a culture house, a sports hall that splits in two, a park and a trailer. */
const specs: Spec[] = [
  {
    key: "sonderbySkole",
    kind: "building",
    name: "Sønderby Skole",
    address: "Skolevej 10",
    postcode: "8000",
    access: "Nøglen hentes hos pedellen, Skolevej 10, hverdage kl. 7-15. Dørkode til sidedøren: 2468.",
    rules: SCHOOL_RULES,
    bookable: false,
  },
  {
    key: "sonderbyGym",
    parent: "sonderbySkole",
    kind: "hall",
    name: "Sønderby Skole, gymnastiksal",
    capacity: 60,
    size: 320,
    facilities: "ribber,måtter,lydanlæg",
    accessibility: "step_free,accessible_toilet",
  },
  {
    key: "sonderbyClass1",
    parent: "sonderbySkole",
    kind: "room",
    name: "Sønderby Skole, klasselokale 1",
    capacity: 28,
    size: 60,
    facilities: "projektor,whiteboard",
    accessibility: "step_free",
  },
  { key: "sonderbyClass2", parent: "sonderbySkole", kind: "room", name: "Sønderby Skole, klasselokale 2", capacity: 28, size: 60, facilities: "whiteboard" },
  { key: "sonderbyMusic", parent: "sonderbySkole", kind: "room", name: "Sønderby Skole, musiklokale", capacity: 30, size: 80, facilities: "klaver,lydanlæg" },
  {
    key: "nordbySkole",
    kind: "building",
    name: "Nordby Skole",
    address: "Nordre Allé 4",
    postcode: "8200",
    access: "Dørkode 1357 ved hovedindgangen.",
    rules: SCHOOL_RULES,
    bookable: false,
  },
  { key: "nordbyGym", parent: "nordbySkole", kind: "hall", name: "Nordby Skole, gymnastiksal", capacity: 60, size: 300, accessibility: "step_free" },
  { key: "nordbyKitchen", parent: "nordbySkole", kind: "room", name: "Nordby Skole, skolekøkken", capacity: 24, size: 90, facilities: "køkken,opvaskemaskine" },
  {
    key: "nordbyAula",
    parent: "nordbySkole",
    kind: "room",
    name: "Nordby Skole, aula",
    capacity: 150,
    size: 250,
    facilities: "scene,lydanlæg,projektor",
    accessibility: "step_free,accessible_toilet,hearing_loop",
  },
  {
    key: "vestbySkole",
    kind: "building",
    name: "Vestby Skole",
    address: "Vestergade 22",
    postcode: "8210",
    access: "Nøglen hentes på Borgerservice, Vestergade 1.",
    rules: SCHOOL_RULES,
    bookable: false,
  },
  { key: "vestbyGym", parent: "vestbySkole", kind: "hall", name: "Vestby Skole, gymnastiksal", capacity: 50, size: 260 },
  { key: "vestbyClass", parent: "vestbySkole", kind: "room", name: "Vestby Skole, klasselokale A", capacity: 28, size: 55, accessibility: "step_free" },
  {
    key: "library",
    kind: "building",
    name: "Sønderby Bibliotek",
    address: "Torvet 3",
    postcode: "8000",
    access: "Spørg i skranken; mødelokalet låses op til jer.",
    bookable: false,
  },
  {
    key: "libraryMeeting",
    parent: "library",
    kind: "room",
    name: "Biblioteket, mødelokale",
    capacity: 20,
    size: 40,
    facilities: "skærm,whiteboard,kaffemaskine",
    accessibility: "step_free,accessible_toilet,hearing_loop",
    approval: "auto",
  },
  {
    key: "libraryReading",
    parent: "library",
    kind: "room",
    name: "Biblioteket, læsesalen",
    capacity: 40,
    size: 90,
    accessibility: "step_free,accessible_toilet",
  },
  {
    key: "culture",
    kind: "building",
    name: "Kulturhuset Sønderby",
    address: "Havnegade 12",
    postcode: "8000",
    access: "Dørkode 8642. Alarmen slås fra med samme kode.",
    bookable: false,
  },
  {
    key: "cultureHall",
    parent: "culture",
    kind: "hall",
    name: "Kulturhuset, salen",
    capacity: 120,
    size: 200,
    facilities: "scene,lys,lydanlæg",
    accessibility: "step_free,accessible_toilet,hearing_loop",
    price: 45000,
  },
  {
    key: "cultureWorkshop",
    parent: "culture",
    kind: "room",
    name: "Kulturhuset, værkstedet",
    capacity: 15,
    size: 50,
    facilities: "værktøj,arbejdsborde",
    accessibility: "step_free",
  },
  {
    key: "cultureMeeting",
    parent: "culture",
    kind: "room",
    name: "Kulturhuset, mødelokale 2",
    capacity: 12,
    size: 25,
    facilities: "skærm",
    accessibility: "step_free,accessible_toilet",
    approval: "auto",
  },
  {
    key: "sportsHall",
    kind: "building",
    name: "Sønderby Idrætshal",
    address: "Stadionvej 5",
    postcode: "8220",
    access: "Halinspektøren låser op; ring 86 12 34 56.",
    rules: "Indendørssko. Udstyr stilles på plads i redskabsrummet.",
    bookable: false,
  },
  {
    key: "hall1",
    parent: "sportsHall",
    kind: "hall",
    name: "Idrætshallen, hele hallen",
    capacity: 300,
    size: 1200,
    facilities: "tribune,lydanlæg,badmintonnet,håndboldmål",
    accessibility: "step_free,accessible_toilet",
    price: 60000,
  },
  {
    key: "hall1North",
    parent: "hall1",
    kind: "hall",
    name: "Idrætshallen, nordlige halvdel",
    capacity: 150,
    size: 600,
    facilities: "badmintonnet",
    accessibility: "step_free,accessible_toilet",
  },
  {
    key: "hall1South",
    parent: "hall1",
    kind: "hall",
    name: "Idrætshallen, sydlige halvdel",
    capacity: 150,
    size: 600,
    facilities: "håndboldmål",
    accessibility: "step_free,accessible_toilet",
  },
  {
    key: "park",
    kind: "building",
    name: "Parken ved Søen",
    address: "Søvej",
    postcode: "8000",
    bookable: false,
    rules: "Affald tages med. Musik slukkes kl. 22.",
  },
  {
    key: "parkLawn",
    parent: "park",
    kind: "outdoor",
    name: "Parken, den store græsplæne",
    capacity: 200,
    size: 3000,
    accessibility: "step_free",
    approval: "auto",
  },
  { key: "parkStage", parent: "park", kind: "outdoor", name: "Parken, scenen", capacity: 100, facilities: "scene,strøm", accessibility: "step_free" },
  {
    key: "trailer",
    kind: "equipment",
    name: "Udstyrstrailer",
    description: "Trailer med 10 borde, 20 bænke, et telt på 6 x 12 m og en kaffemaskine.",
    address: "Materielgården, Industrivej 8",
    postcode: "8220",
    access: "Hentes og afleveres på Materielgården; nøglen ligger i nøgleboksen, kode 9753.",
    rules: "Afleveres rengjort.",
    approval: "manual",
  },
];

/** Weekly hours by premise key: [weekdays, opens, closes], with the park open longer in summer. */
const HOURS: Record<string, [number[], string, string][]> = {
  sonderbySkole: [
    [[1, 2, 3, 4, 5], "16:00", "22:00"],
    [[6, 7], "08:00", "20:00"],
  ],
  nordbySkole: [
    [[1, 2, 3, 4, 5], "16:00", "22:00"],
    [[6, 7], "08:00", "20:00"],
  ],
  vestbySkole: [
    [[1, 2, 3, 4, 5], "16:00", "22:00"],
    [[6, 7], "09:00", "18:00"],
  ],
  library: [
    [[1, 2, 3, 4, 5], "10:00", "20:00"],
    [[6], "10:00", "15:00"],
  ],
  culture: [[[1, 2, 3, 4, 5, 6, 7], "09:00", "23:00"]],
  sportsHall: [[[1, 2, 3, 4, 5, 6, 7], "07:00", "23:00"]],
  park: [[[1, 2, 3, 4, 5, 6, 7], "08:00", "20:00"]],
  trailer: [[[1, 2, 3, 4, 5, 6, 7], "08:00", "20:00"]],
};

/** Weekly series for the season: association index, premise, weekday offset from Monday, times, every n weeks, purpose. */
const SEASON: [number, string, number, string, string, 1 | 2, string][] = [
  [7, "hall1North", 1, "18:00", "20:00", 1, "Badminton for børn og unge"],
  [7, "hall1", 3, "17:00", "19:00", 1, "Håndbold, U12"],
  [7, "sonderbyGym", 0, "17:00", "18:30", 1, "Forældre-barn-gymnastik"],
  [1, "libraryMeeting", 0, "15:00", "17:00", 1, "Lektiecafé"],
  [1, "libraryMeeting", 2, "15:00", "17:00", 1, "Lektiecafé"],
  [0, "cultureMeeting", 2, "19:00", "21:00", 2, "Møde for besøgsvenner"],
  [3, "cultureWorkshop", 3, "19:00", "21:00", 2, "Sorggruppe for voksne"],
  [6, "cultureHall", 5, "10:00", "13:00", 2, "Kvindenetværkets lørdagscafé"],
  [5, "vestbyGym", 6, "10:00", "12:00", 1, "Fædre og børn i gymnastiksalen"],
  [2, "nordbyKitchen", 1, "17:00", "20:00", 2, "Fællesspisning efter gåturen"],
  [4, "sonderbyClass2", 3, "17:00", "19:00", 1, "Gældsrådgivning, åben rådgivning"],
];

const CLOSURES: [string, string, string, string][] = [
  ["sonderbySkole", "2026-12-21", "2027-01-03", "Juleferie"],
  ["nordbySkole", "2026-12-21", "2027-01-03", "Juleferie"],
  ["vestbySkole", "2026-12-21", "2027-01-03", "Juleferie"],
  ["sonderbySkole", "2027-03-20", "2027-03-29", "Påskeferie"],
  ["library", "2026-12-24", "2026-12-26", "Jul"],
];

/** What the demo's other seeds need of its premises: their ids by key, the tree to book in, and the days each is closed. */
export interface DemoPremises {
  ids: Record<string, string>;
  tree: PremiseTree;
  closedOn: (premiseId: string, date: string) => boolean;
}

/** The premises, their hours and closures, and a season of weekly bookings that never overlap. */
export async function seedPremises(
  db: Database,
  input: { tenantId: string; zone: string; now: Date; associationIds: string[]; bookerId: string },
): Promise<DemoPremises> {
  const { tenantId, zone, now } = input;
  const stamp = now.toISOString();
  const ids = Object.fromEntries(specs.map((s) => [s.key, newId()]));
  const fields = (s: Spec): PremiseFields => ({
    parentId: s.parent ? (ids[s.parent] as string) : null,
    kind: s.kind,
    name: s.name,
    description: s.description ?? "",
    address: s.address ?? null,
    postcode: s.postcode ?? null,
    capacity: s.capacity ?? null,
    sizeM2: s.size ?? null,
    facilities: listOf(s.facilities),
    accessibility: listOf(s.accessibility),
    houseRules: s.rules ?? "",
    accessDetails: s.access ?? "",
    bookable: s.bookable !== false,
    whoMayBook: "associations",
    approval: s.approval ?? "manual",
    pricePerHour: s.price ?? 0,
    minMinutes: 30,
    maxMinutes: 480,
    maxDaysAhead: s.daysAhead ?? 365,
    bufferMinutes: 0,
    cancelHours: 24,
  });
  // Parents first, so each row's parent exists when it is written.
  for (const s of specs) await premises.insertPremise(db, tenantId, ids[s.key] as string, fields(s), stamp);
  for (const [key, spans] of Object.entries(HOURS)) {
    const week = spans.flatMap(([days, opens, closes]) => days.map((weekday) => ({ id: newId(), weekday, opens, closes })));
    await premises.replaceHours(db, tenantId, ids[key] as string, null, week);
  }
  for (const [key, fromDate, toDate, reason] of CLOSURES)
    await premises.insertClosure(db, tenantId, { id: newId(), premiseId: ids[key] as string, fromDate, toDate, reason });

  const tree = new PremiseTree(await premises.allPremises(db, tenantId));
  const closedOn = (premiseId: string, date: string) =>
    CLOSURES.some(([key, from, to]) => tree.lineage(premiseId).some((p) => p.id === ids[key]) && from <= date && date <= to);
  const monday = mondayOf(addDays(localToday(now, zone), 7));
  const seasonEnd = `${Number(monday.slice(0, 4)) + (Number(monday.slice(5, 7)) >= 7 ? 1 : 0)}-06-30`;
  const ctx = { tenant: { id: tenantId }, clock: { now: () => now } };
  for (const [association, key, offset, start, end, every, purpose] of SEASON) {
    const premise = tree.byId.get(ids[key] as string);
    if (!premise) continue;
    const series = { startDate: addDays(monday, offset), startTime: start, endTime: end, zone, everyWeeks: every, untilDate: seasonEnd };
    const dates = expand(series).filter((o) => !closedOn(premise.id, o.localDate));
    const booking = {
      id: newId(),
      associationId: input.associationIds[association] ?? null,
      userId: input.bookerId,
      purpose,
      participants: 15,
      status: "approved" as const,
      series,
    };
    await writeBooking(db, ctx, tree, premise, booking, dates);
    // The same association had the slot through the past year too, so usage shows a year.
    const past = { ...series, startDate: addDays(mondayOf(addDays(monday, -364)), offset), untilDate: addDays(monday, -1) };
    const pastDates = expand(past).filter((o) => !closedOn(premise.id, o.localDate));
    await writeBooking(db, ctx, tree, premise, { ...booking, id: newId(), series: past }, pastDates);
  }
  // A few requests the caseworker has not decided yet, so the queue has something in it.
  for (const [association, key, offset, start, end, purpose] of REQUESTS) {
    const premise = tree.byId.get(ids[key] as string);
    if (!premise) continue;
    const series = { startDate: addDays(monday, offset), startTime: start, endTime: end, zone, everyWeeks: null, untilDate: null };
    const booking = {
      id: newId(),
      associationId: input.associationIds[association] ?? null,
      userId: input.bookerId,
      purpose,
      participants: 30,
      status: "pending" as const,
      series,
    };
    const dates = expand(series).filter((o) => !closedOn(premise.id, o.localDate));
    if (dates.length > 0) await writeBooking(db, ctx, tree, premise, booking, dates);
  }
  // Next season's round is open, and a few associations have applied for their weekly times.
  const year = Number(seasonEnd.slice(0, 4));
  const roundId = newId();
  const name = `Sæson ${year}/${String(year + 1).slice(2)}`;
  await rounds.insertRound(db, tenantId, {
    id: roundId,
    name,
    seasonFrom: `${year}-08-01`,
    seasonTo: `${year + 1}-06-30`,
    status: "open",
    createdAt: stamp,
    publishedAt: null,
  });
  for (const [i, [association, key, weekday, start, minutes, priority, purpose]] of ROUND_WISHES.entries()) {
    await rounds.insertApplication(db, tenantId, {
      id: newId(),
      roundId,
      associationId: input.associationIds[association] as string,
      userId: input.bookerId,
      purpose,
      participants: 20,
      priority,
      disabilityUse: false,
      minutes,
      first: { premiseId: ids[key] as string, weekday, start },
      second: null,
      window: null,
      placed: null,
      bookingId: null,
      response: null,
      createdAt: new Date(now.getTime() - (10 - i) * 24 * 3600_000).toISOString(),
    });
  }
  for (const [key, scene, alt] of PHOTOS) {
    const fileId = newId();
    await insertFile(db, tenantId, { id: fileId, contentType: "image/png", data: await scenePng(scene), createdAt: stamp });
    await premises.insertPhoto(db, tenantId, ids[key] as string, { id: newId(), fileId, alt }, stamp);
  }
  return { ids, tree, closedOn };
}

/** Wishes in next season's round: association index, premise, ISO weekday, start, minutes, priority (1 children and young people), purpose. */
const ROUND_WISHES: [number, string, number, string, number, 1 | 2 | 3, string][] = [
  [7, "hall1North", 2, "18:00", 120, 1, "Badminton for børn og unge"],
  [7, "sonderbyGym", 1, "17:00", 90, 1, "Forældre-barn-gymnastik"],
  [1, "libraryMeeting", 1, "15:00", 120, 1, "Lektiecafé"],
  [2, "nordbyAula", 4, "16:30", 90, 3, "Stolegymnastik for seniorer"],
  [6, "cultureHall", 6, "10:00", 180, 3, "Kvindenetværkets lørdagscafé"],
];

/** A photo for a few premises (drawn, not taken), with what it shows in words. */
const PHOTOS: [string, Scene, string][] = [
  ["sonderbyGym", "hall", "Gymnastiksalen med ribber langs væggen, trægulv og et badmintonnet"],
  ["hall1", "hall", "Idrætshallen med trægulv, ribber og banestreger"],
  ["cultureMeeting", "meeting", "Mødelokalet med et langt bord, fire stole og et stort vindue"],
  ["libraryMeeting", "meeting", "Bibliotekets mødelokale med bord og stole ved vinduet"],
  ["parkLawn", "park", "Den store græsplæne i parken med tre store træer og en grussti"],
];

/** One-off requests waiting for a decision: association index, premise, days from next Monday, times, purpose. */
const REQUESTS: [number, string, number, string, string, string][] = [
  [0, "libraryReading", 3, "18:00", "20:00", "Foredrag om demens for besøgsvenner"],
  [6, "nordbyAula", 5, "10:00", "14:00", "Julemarked med salg af håndarbejde"],
  [2, "parkStage", 12, "10:00", "12:00", "Vintergåtur med gløgg og sang fra scenen"],
];
