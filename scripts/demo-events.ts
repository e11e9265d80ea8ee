// A season of events for the demo municipality: the centre's courses and theme meetings, the networks'
// meetings, a party for the volunteers and the volunteer fair, a few run by associations. Some are
// full with a waiting list, one has a freed place offered to the first in line, and the demo citizen
// holds a place on one and waits for another, so every page about events has something to show.
import type { Database } from "../src/db/database.js";
import type { CommunityEvent, EventKind, EventQuestion, EventSession, Registration } from "../src/modules/events/events.model.js";
import { type EventRoomBooking, insertEvent, insertRoomBookings, markAttendance } from "../src/modules/events/events.repository.js";
import { eventDocument } from "../src/modules/events/events.search.js";
import { writeBooking } from "../src/modules/premises/bookings/hold.js";
import type { Clock } from "../src/platform/clock.js";
import type { Keyring } from "../src/platform/crypto/sealed.js";
import { newId } from "../src/platform/ids.js";
import { putDocument } from "../src/platform/search/documents.js";
import { addDays, expand, localToday, type Occurrence, weekdayOf } from "../src/platform/time/recurrence.js";
import { buildRegistrations, type RegistrationSpec } from "../test/factories/registration.factory.js";
import { NETWORK_MEETINGS, seedNetwork, seedNetworkMeetings } from "./demo-networks.js";
import type { DemoPremises } from "./demo-premises.js";

const DAY = 24 * 3600_000;
const HOUR = 3600_000;

/** Who is on the demo's lists: people of Sønderby, and coordinators from the centres the networks span. */
const FIRST = [
  "Anne",
  "Lars",
  "Fatima",
  "Søren",
  "Maja",
  "Ahmed",
  "Inge",
  "Mikkel",
  "Sofie",
  "Henrik",
  "Leila",
  "Bent",
  "Ida",
  "Kasper",
  "Yasmin",
  "Poul",
  "Hanne",
  "Jens",
  "Amina",
  "Torben",
  "Lone",
  "Rasmus",
  "Grethe",
  "Omar",
];
const LAST = [
  "Jensen",
  "Nielsen",
  "Hansen",
  "Pedersen",
  "Andersen",
  "Christensen",
  "Larsen",
  "Sørensen",
  "Rasmussen",
  "Jørgensen",
  "Petersen",
  "Madsen",
  "Kristensen",
  "Olsen",
  "Thomsen",
  "Poulsen",
  "Karimi",
  "Mortensen",
  "Dahl",
  "Yilmaz",
];
const CENTRES = ["frivilligcenter-aaby.example", "frivillighuset-vestkyst.example", "frivilligcenter-norddal.example", "frivilligcenter-holmsted.example"];

const ascii = (s: string) => s.toLowerCase().replace(/ø/g, "oe").replace(/æ/g, "ae").replace(/å/g, "aa");

/** 480 different people, always in the same order, so every demo database has the same lists. */
const townsfolk = Array.from({ length: FIRST.length * LAST.length }, (_, i) => {
  const first = FIRST[i % FIRST.length] as string;
  const last = LAST[(i + Math.floor(i / FIRST.length)) % LAST.length] as string;
  return { name: `${first} ${last}`, email: `${ascii(first)}.${ascii(last)}@example.org` };
});

/** The extra question the first-aid course and the party ask: food is served. Sensitive, so sealed and deleted after. */
const FOOD_ANSWERS = ["Vegetar", "Glutenfri, tak", "Ingen svinekød", "Nøddeallergi", "Laktosefri"];

type Place = { premise: string } | { placeName: string; address: string; postcode: string } | { online: string };

interface Spec {
  key: string;
  kind: EventKind;
  organiser: CommunityEvent["organiser"];
  /** The association's name, when one organises it. */
  association?: string;
  status?: CommunityEvent["status"];
  title: string | ((year: number) => string);
  description: string;
  category?: string;
  targetGroups?: string[];
  languages?: string[];
  accessibility?: string[];
  place: Place;
  capacity: number;
  maxPerRegistration?: number;
  priceMinor?: number;
  questions?: string[];
  /** The first day: at least this many days from today (negative: in the past), on this ISO weekday. */
  after: number;
  weekday: number;
  /** Each session: days after the first day, start and end in local time. */
  sessions: [number, string, string][];
  /** Days before the start the registration closes. */
  closesDaysBefore?: number;
  publishedDaysAgo: number;
  /** Registered people (the board group and the citizen among them); then the waiting list, in order; `offered` is the first in line offered a freed place. */
  registered: number;
  waiting?: number;
  offered?: boolean;
  /** People from the other centres rather than the town. */
  network?: boolean;
  /** The demo citizen's own place: registered, or on the waiting list at this place. */
  citizen?: "registered" | { waitingAt: number };
  /** The association's admin registers herself and two of its volunteers in one go. */
  boardGroup?: boolean;
  /** For an event that is over: who came. */
  noShows?: number;
}

const CENTRE_EMAIL = (domain: string) => `frivilligcenter@${domain}`;
const MUNICIPALITY_EMAIL = (domain: string) => `frivillighed@${domain}`;

const SEASON: Spec[] = [
  {
    key: "board",
    kind: "course",
    organiser: "centre",
    title: "Bestyrelseskursus: fra kasserer til formand",
    description:
      "Tre aftener for dig, der sidder i en bestyrelse eller er på vej ind i en. Vi gennemgår bestyrelsens opgaver og ansvar, vedtægter og generalforsamling, økonomi og regnskab, og hvordan I fordeler arbejdet, så det ikke hænger på formanden alene.\n\nFørste aften handler om roller og ansvar, anden aften om penge og regnskab, tredje aften om at lede frivillige og holde gode møder. Du får materialet med hjem, og der er kaffe og kage alle tre aftener.",
    category: "board",
    accessibility: ["step_free"],
    place: { premise: "sonderbyClass1" },
    capacity: 20,
    after: 11,
    weekday: 2,
    sessions: [
      [0, "19:00", "21:30"],
      [7, "19:00", "21:30"],
      [14, "19:00", "21:30"],
    ],
    closesDaysBefore: 2,
    publishedDaysAgo: 40,
    registered: 20,
    waiting: 4,
    boardGroup: true,
  },
  {
    key: "firstAid",
    kind: "course",
    organiser: "municipality",
    title: "Førstehjælp for frivillige",
    description:
      "Et weekendkursus i førstehjælp for frivillige, der er sammen med børn, ældre eller borgere i udsatte positioner. Du lærer hjerte-lunge-redning, at bruge en hjertestarter, at stoppe en blødning og at hjælpe ved et epileptisk anfald eller et sukkerfald.\n\nKurset holdes af en instruktør fra Dansk Førstehjælpsråd, og du får et kursusbevis, når du har været der begge dage. Kommunen betaler; frokost og kaffe er med.",
    category: "health",
    accessibility: ["step_free"],
    place: { premise: "nordbyGym" },
    capacity: 16,
    questions: ["Hensyn til maden (allergi, vegetar …)"],
    after: 18,
    weekday: 6,
    sessions: [
      [0, "09:00", "15:00"],
      [1, "09:00", "15:00"],
    ],
    closesDaysBefore: 3,
    publishedDaysAgo: 35,
    registered: 15,
    waiting: 5,
    offered: true,
    citizen: { waitingAt: 3 },
  },
  {
    key: "treasurer",
    kind: "course",
    organiser: "centre",
    title: "Foreningsøkonomi for kasserere",
    description:
      "En aften om det, kassereren skal kunne: budget og regnskab, bilag og kasseeftersyn, kontingent og MobilePay, og hvad der skal stå i årsregnskabet, når I har fået tilskud fra kommunen.\n\nTag gerne jeres eget regnskab med; vi slutter med en halv time, hvor du kan spørge om lige præcis jeres forening.",
    category: "board",
    place: { premise: "vestbyClass" },
    capacity: 24,
    after: 8,
    weekday: 3,
    sessions: [[0, "18:30", "21:00"]],
    publishedDaysAgo: 28,
    registered: 21,
  },
  {
    key: "funding",
    kind: "course",
    organiser: "centre",
    title: "Sådan skriver I en god fondsansøgning",
    description:
      "Hvordan finder I den rigtige fond, og hvad skal der stå i ansøgningen, for at den bliver læst til ende? Vi arbejder med jeres egne projekter: formål, målgruppe, budget og hvordan I viser, at det virker.\n\nKurset koster 150 kr. pr. deltager, som dækker aftensmad. Betal på dagen med MobilePay.",
    category: "board",
    accessibility: ["step_free", "accessible_toilet"],
    place: { placeName: "Sønderby Frivilligcenter", address: "Kirkegade 4", postcode: "8000" },
    capacity: 18,
    priceMinor: 15000,
    after: 22,
    weekday: 4,
    sessions: [[0, "17:00", "20:00"]],
    closesDaysBefore: 5,
    publishedDaysAgo: 20,
    registered: 9,
  },
  {
    key: "meetings",
    kind: "course",
    organiser: "centre",
    title: "Mødeledelse og det gode bestyrelsesmøde",
    description:
      "Halvanden time online om at holde møder, folk gerne kommer til: en dagsorden, der kan nås, at give ordet rundt, at træffe beslutninger og at skrive et referat, som andre kan bruge.\n\nDu får linket til mødet i din bekræftelse. Du skal bare bruge en computer eller en telefon med lyd.",
    category: "board",
    place: { online: "https://moede.sonderby.example/moedeledelse" },
    capacity: 40,
    after: 15,
    weekday: 3,
    sessions: [[0, "19:00", "20:30"]],
    publishedDaysAgo: 25,
    registered: 12,
  },
  {
    key: "gdpr",
    kind: "course",
    organiser: "municipality",
    title: "GDPR i den lille forening",
    description:
      "Hvad må foreningen gemme om medlemmer og frivillige, hvor længe, og hvem må se det? Kommunens databeskyttelsesrådgiver gennemgår reglerne med eksempler fra foreninger, og du får en skabelon til jeres egen fortegnelse og samtykkeerklæring.",
    category: "board",
    place: { online: "https://moede.sonderby.example/gdpr-foreninger" },
    capacity: 60,
    after: 30,
    weekday: 2,
    sessions: [[0, "16:00", "17:30"]],
    publishedDaysAgo: 14,
    registered: 23,
  },
  {
    key: "grief",
    kind: "course",
    organiser: "association",
    association: "Sønderby Besøgsvenner",
    title: "Samtalen med en sørgende – kursus for besøgsvenner",
    description:
      "Mange af dem, vi besøger, har mistet en ægtefælle. Hvad siger man, og hvad skal man lade være med at sige? En aften med en sorgrådgiver om at lytte, at tåle stilheden og at vide, hvornår man skal hjælpe videre.\n\nFor besøgsvenner i alle foreninger i Sønderby.",
    category: "elderly",
    targetGroups: ["bereaved"],
    accessibility: ["step_free", "accessible_toilet"],
    place: { premise: "cultureMeeting" },
    capacity: 12,
    after: 12,
    weekday: 1,
    sessions: [[0, "18:00", "21:00"]],
    publishedDaysAgo: 18,
    registered: 10,
  },
  {
    key: "coach",
    kind: "course",
    organiser: "association",
    association: "Sønderby Idrætsforening",
    status: "pending",
    title: "Træner i børneidræt – grundkursus",
    description:
      "En lørdag for nye trænere og hjælpetrænere i børneidræt: leg og træningsøvelser for 6-12-årige, at se det enkelte barn og at tale med forældrene. Kurset er for alle klubber i kommunen, ikke kun vores egne.\n\nHusk indendørssko og tøj, du kan bevæge dig i. Vi giver frokost.",
    category: "sport",
    targetGroups: ["children"],
    place: { premise: "sonderbyGym" },
    capacity: 20,
    after: 40,
    weekday: 6,
    sessions: [[0, "10:00", "15:00"]],
    publishedDaysAgo: 1,
    registered: 0,
  },
  {
    key: "bridgeSpring",
    kind: "network_meeting",
    organiser: "centre",
    title: "Koordinatorer af brobygning: årets fysiske møde",
    description:
      "Årets fysiske møde i netværket for brobyggere: medarbejdere i frivilligcentre og kommuner, der hjælper borgere i udsatte positioner ind i et fællesskab. Vi deler erfaringer med følgevenner, den gode overlevering til foreningen og opfølgningen efter tre og seks måneder.\n\nSønderby Frivilligcenter er vært og giver frokost.",
    category: "social",
    accessibility: ["step_free", "accessible_toilet", "hearing_loop"],
    place: { premise: "libraryMeeting" },
    capacity: 20,
    maxPerRegistration: 1,
    after: 20,
    weekday: 2,
    sessions: [[0, "10:00", "14:00"]],
    publishedDaysAgo: 45,
    registered: 5,
    network: true,
  },
  {
    key: "bridgeOnline",
    kind: "network_meeting",
    organiser: "centre",
    title: "Koordinatorer af brobygning: online-møde om opfølgning",
    description:
      "Halvanden time online: hvordan følger vi op på de borgere, vi har bygget bro for, uden at det bliver kontrol? To centre fortæller, hvordan de gør, og vi taler om, hvad vi skal spørge om efter en, tre og seks måneder.",
    category: "social",
    place: { online: "https://moede.sonderby.example/brobyggere" },
    capacity: 30,
    maxPerRegistration: 1,
    after: 6,
    weekday: 4,
    sessions: [[0, "09:30", "11:00"]],
    publishedDaysAgo: 30,
    registered: 4,
    network: true,
  },
  {
    key: "coordinators",
    kind: "network_meeting",
    organiser: "centre",
    title: "Koordinatorer af brobygning: erfaringsudveksling",
    description:
      "Online-møde for koordinatorer i frivilligcentre. Hvert center fortæller kort om det, der fylder lige nu, og vi tager to emner op i dybden: rekruttering af unge frivillige og samarbejdet med kommunens jobcenter.",
    category: "board",
    place: { online: "https://moede.sonderby.example/koordinatorer" },
    capacity: 25,
    maxPerRegistration: 1,
    // Held two weeks ago: its minutes are out (networks).
    after: -12,
    weekday: 3,
    sessions: [[0, "10:00", "11:30"]],
    publishedDaysAgo: 40,
    registered: 5,
    network: true,
  },
  {
    key: "coordinatorsYear",
    kind: "network_meeting",
    organiser: "centre",
    title: "Koordinatorer af brobygning: årshjul og fælles kampagner",
    description:
      "Vi lægger næste års fælles kampagner ind i årshjulet: Frivillig Fredag, frivilligbørserne og rekrutteringen i januar. Kom med jeres datoer, så vi kan hjælpe hinanden med materialer og omtale.",
    category: "board",
    place: { online: "https://moede.sonderby.example/koordinatorer" },
    capacity: 25,
    maxPerRegistration: 1,
    after: 50,
    weekday: 3,
    sessions: [[0, "10:00", "11:30"]],
    publishedDaysAgo: 7,
    registered: 4,
    network: true,
  },
  {
    key: "loneliness",
    kind: "theme_meeting",
    organiser: "municipality",
    title: "Temaaften: Ensomhed blandt ældre – hvad kan foreninger gøre?",
    description:
      "Hver tiende ældre over 65 føler sig ofte ensom. Kommunens ældrekonsulent fortæller, hvad vi ved om ensomhed i Sønderby, og tre foreninger viser, hvad der virker hos dem: besøgsvenner, gåture og fællesspisning.\n\nFor frivillige, foreninger og alle, der vil være med til at gøre noget. Der er kaffe og tid til at spørge.",
    category: "elderly",
    targetGroups: ["seniors", "lonely"],
    accessibility: ["step_free", "accessible_toilet"],
    place: { premise: "libraryReading" },
    capacity: 40,
    after: 13,
    weekday: 4,
    sessions: [[0, "17:00", "19:00"]],
    publishedDaysAgo: 24,
    registered: 26,
    citizen: "registered",
  },
  {
    key: "youth",
    kind: "theme_meeting",
    organiser: "centre",
    title: "Temamøde: Unge frivillige – sådan finder og fastholder I dem",
    description:
      "Unge vil gerne være frivillige, men sjældent i et bestyrelsesmøde hver anden tirsdag. Tre unge frivillige og en forsker fortæller, hvad der får unge til at komme og blive, og vi arbejder med, hvordan jeres forening kan lave opgaver, der passer til dem.",
    category: "children_youth",
    targetGroups: ["young"],
    accessibility: ["step_free", "accessible_toilet", "hearing_loop"],
    place: { premise: "cultureHall" },
    capacity: 30,
    after: 5,
    weekday: 1,
    sessions: [[0, "19:00", "21:00"]],
    closesDaysBefore: 1,
    publishedDaysAgo: 30,
    registered: 30,
    waiting: 3,
  },
  {
    key: "languages",
    kind: "theme_meeting",
    organiser: "association",
    association: "Kvindenetværket Sønderby",
    title: "Frivillighed på tværs af sprog",
    description:
      "Hvordan bliver foreningen et sted, hvor man kan være med, selv om dansk ikke er ens første sprog? Kvinder fra netværket fortæller, hvad der fik dem til at blive, og hvad der næsten fik dem til at gå. Vi taler dansk og engelsk, og der er tolk til arabisk.",
    category: "integration",
    targetGroups: ["newcomers"],
    languages: ["da", "en"],
    accessibility: ["step_free"],
    place: { placeName: "Kvindenetværkets lokale", address: "Nørregade 14", postcode: "8000" },
    capacity: 25,
    maxPerRegistration: 4,
    after: 26,
    weekday: 6,
    sessions: [[0, "13:00", "15:30"]],
    publishedDaysAgo: 10,
    registered: 8,
  },
  {
    key: "certificates",
    kind: "theme_meeting",
    organiser: "municipality",
    title: "Temamøde: Børneattester – hvornår og hvordan?",
    description:
      "Hvornår skal foreningen indhente en børneattest, hvem i foreningen må se den, og hvad gør I, hvis der står noget på den? Kommunens jurist gennemgår reglerne og viser, hvordan I bestiller attesterne digitalt.",
    category: "children_youth",
    accessibility: ["step_free", "accessible_toilet"],
    place: { premise: "libraryReading" },
    capacity: 40,
    after: -17,
    weekday: 4,
    sessions: [[0, "17:00", "18:30"]],
    publishedDaysAgo: 50,
    registered: 22,
    noShows: 4,
  },
  {
    key: "regional",
    kind: "regional_gathering",
    organiser: "centre",
    title: "Regionalt træf for frivilligcentre",
    description:
      "Et årligt træf for medarbejdere og bestyrelser i regionens frivilligcentre. Formiddagen handler om frivillighedspolitikker i kommunerne, eftermiddagen om fælles projekter på tværs af centrene.\n\nVi mødes hos Frivilligcenter Holmsted. Tilmelding senest en uge før.",
    category: "board",
    accessibility: ["step_free", "accessible_toilet"],
    place: { placeName: "Frivilligcenter Holmsted", address: "Nygade 15", postcode: "8600" },
    capacity: 80,
    maxPerRegistration: 3,
    after: 36,
    weekday: 5,
    sessions: [[0, "10:00", "15:30"]],
    closesDaysBefore: 7,
    publishedDaysAgo: 30,
    registered: 34,
    network: true,
  },
  {
    key: "party",
    kind: "social",
    organiser: "centre",
    title: "Frivilligfest: tak for i år",
    description:
      "Alle frivillige i Sønderby er inviteret til fest i Kulturhuset. Borgmesteren siger tak, vi spiser sammen, og Sønderby Spillemænd spiller op til dans. Tag gerne en anden frivillig fra din forening med.\n\nFesten er gratis. Skriv i tilmeldingen, hvis du har brug for særlige hensyn til maden.",
    category: "social",
    accessibility: ["step_free", "accessible_toilet", "hearing_loop"],
    place: { premise: "cultureHall" },
    capacity: 120,
    maxPerRegistration: 4,
    questions: ["Hensyn til maden (allergi, vegetar …)"],
    after: 14,
    weekday: 5,
    sessions: [[0, "18:00", "23:00"]],
    closesDaysBefore: 4,
    publishedDaysAgo: 32,
    registered: 87,
  },
  {
    key: "fair",
    kind: "fair",
    organiser: "municipality",
    title: (year) => `Frivilligbørs ${year}`,
    description:
      "Mød foreningerne i Sønderby på én dag. Over 40 foreninger står klar i rådhushallen og fortæller, hvad de laver, og hvad du kan være med til: besøgsven, lektiehjælper, træner, turleder, gældsrådgiver og meget mere.\n\nGå fra stand til stand, tal med de frivillige, og skriv dig op, hvis noget fanger dig. Der er kaffe, og børnene kan lave ansigtsmaling. Gratis adgang; tilmeld dig gerne, så får du programmet på e-mail.",
    accessibility: ["step_free", "accessible_toilet", "hearing_loop"],
    languages: ["da", "en"],
    place: { placeName: "Sønderby Rådhus, rådhushallen", address: "Rådhuspladsen 1", postcode: "8000" },
    capacity: 600,
    maxPerRegistration: 6,
    after: 100,
    weekday: 6,
    sessions: [[0, "10:00", "15:00"]],
    publishedDaysAgo: 12,
    registered: 41,
  },
];

/** Deterministic, so every demo database tells the same story. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

export interface DemoEventPeople {
  staffId: string;
  /** The demo staff user and association member, for the network they organise and belong to (networks). */
  staff?: { id: string; name: string; email: string };
  member?: { id: string; name: string; email: string };
  citizen: { id: string; name: string; email: string };
  assocAdmin: { id: string; name: string; email: string };
}

/** The season's events, their rooms booked, their registrations and waiting lists. Returns the events by key. */
export async function seedEvents(
  db: Database,
  ring: Keyring | undefined,
  input: {
    tenantId: string;
    zone: string;
    now: Date;
    domain: string;
    premises: DemoPremises;
    associations: { id: string; name: string; email: string }[];
    categories: { id: string; code: string; label: string }[];
    /** Target groups' Danish names by code, for the search. */
    targetGroups: Map<string, string>;
    tenantName: string;
    clock: Clock;
    people: DemoEventPeople;
    offerHours: number;
  },
): Promise<Map<string, CommunityEvent>> {
  const { tenantId, zone, now, domain, premises } = input;
  const next = random(13);
  const today = localToday(now, zone);
  const events = new Map<string, CommunityEvent>();
  const ctx = { tenant: { id: tenantId }, clock: { now: () => now } };
  let cursor = 0;
  // The network whose meetings these are: only its members see them (networks).
  const { staff, member } = input.people;
  const networkId = staff && member ? await seedNetwork(db, { tenantId, now, staff, member, tenantName: input.tenantName }) : null;

  for (const spec of SEASON) {
    const premise = "premise" in spec.place ? premises.tree.byId.get(premises.ids[spec.place.premise] as string) : undefined;
    // The first day on the weekday asked for; a week later while any session falls in the Christmas holidays or a closure of the room.
    let first = addDays(today, spec.after);
    first = addDays(first, (spec.weekday - weekdayOf(first) + 7) % 7);
    const blocked = (date: string) => /-12-(2[0-9]|3[01])$|-01-0[1-3]$/.test(date) || (premise ? premises.closedOn(premise.id, date) : false);
    const clear = (date: string) => !spec.sessions.some(([d]) => blocked(addDays(date, d)));
    const earliest = spec.after > 0 ? addDays(today, 3) : addDays(today, spec.after - 7);
    // The nearest week that is clear: a week later, a week earlier, two weeks later …
    for (let weeks = 1; !clear(first); weeks++) {
      const later = addDays(first, 7 * weeks);
      const earlier = addDays(first, -7 * weeks);
      if (clear(later)) first = later;
      else if (earlier >= earliest && clear(earlier)) first = earlier;
    }

    const id = newId();
    const dated = spec.sessions.map(([d, start, end]) => {
      const date = addDays(first, d);
      const o = expand({ startDate: date, startTime: start, endTime: end, zone, everyWeeks: null, untilDate: null })[0] as Occurrence;
      return { date, start, end, startsAt: o.startsAt, endsAt: o.endsAt };
    });
    const sessions: EventSession[] = dated.map((s) => ({ id: newId(), eventId: id, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString() }));
    const startsAt = dated[0]?.startsAt as Date;
    const association = spec.association ? input.associations.find((a) => a.name === spec.association) : undefined;
    const created = new Date(Math.min(now.getTime() - spec.publishedDaysAgo * DAY, startsAt.getTime() - 7 * DAY));
    const building = premise?.parentId ? premises.tree.byId.get(premise.parentId) : undefined;
    const place = spec.place;
    const questions: EventQuestion[] = (spec.questions ?? []).map((label) => ({ id: newId(), label, sensitive: true }));
    const event: CommunityEvent = {
      id,
      tenantId,
      kind: spec.kind,
      organiser: spec.organiser,
      associationId: association?.id ?? null,
      associationName: association?.name ?? null,
      title: typeof spec.title === "function" ? spec.title(Number(first.slice(0, 4))) : spec.title,
      description: spec.description,
      categoryId: input.categories.find((c) => c.code === spec.category)?.id ?? null,
      targetGroups: spec.targetGroups ?? [],
      languages: spec.languages ?? ["da"],
      accessibility: spec.accessibility ?? [],
      place: "premise" in place ? "premise" : "online" in place ? "online" : "address",
      premiseId: premise?.id ?? null,
      placeName: premise ? premise.name : "placeName" in place ? place.placeName : null,
      address: premise ? (premise.address ?? building?.address ?? null) : "address" in place ? place.address : null,
      postcode: premise ? (premise.postcode ?? building?.postcode ?? null) : "postcode" in place ? place.postcode : null,
      onlineUrl: "online" in place ? place.online : null,
      price: spec.priceMinor ? "cost" : "free",
      priceMinor: spec.priceMinor ?? null,
      currency: "DKK",
      capacity: spec.capacity,
      maxPerRegistration: spec.maxPerRegistration ?? 3,
      registrationOpensAt: null,
      registrationClosesAt: spec.closesDaysBefore ? new Date(startsAt.getTime() - spec.closesDaysBefore * DAY).toISOString() : null,
      questions,
      contactEmail: association?.email ?? (spec.organiser === "municipality" ? MUNICIPALITY_EMAIL(domain) : CENTRE_EMAIL(domain)),
      status: spec.status ?? "published",
      reviewNote: null,
      startsAt: sessions[0]?.startsAt as string,
      endsAt: sessions.at(-1)?.endsAt as string,
      createdAt: created.toISOString(),
      updatedAt: created.toISOString(),
      cancelledAt: null,
      sessions,
      networkId: NETWORK_MEETINGS.includes(spec.key) ? networkId : null,
    };
    const organiserUser = association ? (association.name === "Sønderby Besøgsvenner" ? input.people.assocAdmin.id : null) : input.people.staffId;
    await insertEvent(db, event, organiserUser);
    events.set(spec.key, event);
    // The one search finds what is published and not over, as publishing it would have made it.
    if (event.status === "published" && event.endsAt > now.toISOString() && !event.networkId) {
      const category = input.categories.find((c) => c.id === event.categoryId);
      const labels = { organiser: input.tenantName, category, targetGroups: input.targetGroups };
      await putDocument(db, input.clock, tenantId, "DK", eventDocument(event, zone, "da", labels));
    }

    // The room is booked for the event under the premises' rules: approved, one booking per session day.
    if (premise && event.status === "published") {
      const links: EventRoomBooking[] = [];
      for (const [i, s] of dated.entries()) {
        const series = { startDate: s.date, startTime: s.start, endTime: s.end, zone, everyWeeks: null, untilDate: null };
        const booking = {
          id: newId(),
          associationId: association?.id ?? null,
          userId: input.people.staffId,
          purpose: event.title,
          participants: spec.capacity,
          status: "approved" as const,
          series,
        };
        await writeBooking(db, ctx, premises.tree, premise, booking, expand(series));
        const session = sessions[i] as EventSession;
        links.push({ bookingId: booking.id, eventId: id, sessionId: session.id, premiseId: premise.id, startsAt: session.startsAt, endsAt: session.endsAt });
      }
      // The event keeps its bookings, as booking the room from its form does, so its organiser sees each one.
      await insertRoomBookings(db, tenantId, links, now.toISOString());
    }

    if (event.status !== "published" || (!spec.registered && !spec.waiting)) continue;
    const registrations = await seedRegistrations(db, ring, spec, event, { ...input, next, cursor, created });
    cursor += registrations.length;
    if (spec.noShows !== undefined) {
      // Staff took attendance at the door: everyone came except a few, spread over the list.
      const session = sessions[0] as EventSession;
      const seated = registrations.filter((r) => r.status === "registered");
      const every = Math.max(1, Math.floor(seated.length / Math.max(1, spec.noShows)));
      const absent = new Set(
        seated
          .filter((_, i) => i % every === 1)
          .slice(0, spec.noShows)
          .map((r) => r.id),
      );
      const marks = seated.map((r) => ({ registrationId: r.id, present: !absent.has(r.id) }));
      await markAttendance(db, tenantId, session.id, marks, input.people.staffId, new Date(new Date(session.endsAt).getTime() - 30 * 60_000).toISOString());
    }
  }
  if (staff && member && networkId) await seedNetworkMeetings(db, { tenantId, now, staff, member, meetings: events });
  return events;
}

/** The event's list: registered people over the weeks since it was published, then the waiting list in order. */
async function seedRegistrations(
  db: Database,
  ring: Keyring | undefined,
  spec: Spec,
  event: CommunityEvent,
  input: {
    tenantId: string;
    now: Date;
    associations: { id: string; name: string; email: string }[];
    people: DemoEventPeople;
    offerHours: number;
    next: () => number;
    cursor: number;
    created: Date;
  },
): Promise<Registration[]> {
  const { now, next, people } = input;
  const until = Math.min(now.getTime() - HOUR, new Date(event.startsAt).getTime() - DAY);
  const span = Math.max(until - input.created.getTime(), HOUR);
  // Each person registered at some point in the weeks since the event went out, the list in that order.
  const moments = Array.from(
    { length: spec.registered + (spec.waiting ?? 0) + (spec.offered ? 1 : 0) },
    () => input.created.getTime() + HOUR + next() * (span - HOUR),
  ).sort((a, b) => a - b);
  let moment = 0;
  const at = () => new Date(moments[moment++] ?? until).toISOString();
  const foodQuestion = event.questions[0];
  const food = (i: number) =>
    ring && foodQuestion && i % 5 === 2 ? { sensitiveAnswers: { [foodQuestion.id]: FOOD_ANSWERS[i % FOOD_ANSWERS.length] as string } } : {};

  let picked = 0;
  const stranger = (): { name: string; email: string } => {
    const k = picked++;
    const p = townsfolk[(input.cursor * 7 + k * 13) % townsfolk.length] as { name: string; email: string };
    if (!spec.network) return p;
    // Each first name once per centre: the names come round every 24, the next centre with them.
    const centre = CENTRES[Math.floor(k / FIRST.length) % CENTRES.length] as string;
    return { name: p.name, email: `${ascii(p.name.split(" ")[0] as string)}@${centre}` };
  };
  const seen = new Set<string>([people.citizen.email, people.assocAdmin.email]);
  const fresh = () => {
    for (let tries = 0; tries < 1000; tries++) {
      const p = stranger();
      if (!seen.has(p.email)) {
        seen.add(p.email);
        return p;
      }
    }
    throw new Error(`demo events: not enough different people for ${event.title}`);
  };

  const list: RegistrationSpec[] = [];
  // The association's admin registers herself and two of the association's volunteers together.
  if (spec.boardGroup) {
    const association = input.associations.find((a) => a.name === "Sønderby Besøgsvenner");
    const groupId = newId();
    const when = at();
    // As the registration form writes them: her account on her own place, her address on all three.
    for (const [i, name] of [people.assocAdmin.name, "Kirsten Lauridsen", "Ole Bech"].entries())
      list.push({
        name,
        email: people.assocAdmin.email,
        userId: i === 0 ? people.assocAdmin.id : null,
        associationId: association?.id ?? null,
        groupId,
        createdAt: when,
      });
  }
  // Board members of the town's associations make up a course's list; the rest come on their own.
  const fromAssociation = (i: number) =>
    event.kind === "course" && i % 3 !== 2 ? (input.associations[(input.cursor + i) % input.associations.length]?.id ?? null) : null;
  while (list.length < spec.registered) {
    const i = list.length;
    if (spec.citizen === "registered" && i === Math.floor(spec.registered / 2)) {
      list.push({ name: people.citizen.name, email: people.citizen.email, userId: people.citizen.id, createdAt: at() });
      continue;
    }
    list.push({ ...fresh(), associationId: fromAssociation(i), createdAt: at(), ...food(i) });
  }
  const registered = list.map((r) => ({ ...r, status: "registered" as const }));

  // A place was freed when someone cancelled; it is offered to the first in line, who has not answered yet.
  const queue: RegistrationSpec[] = [];
  const cancelled: RegistrationSpec[] = [];
  if (spec.offered) {
    const offeredAt = now.getTime() - 18 * HOUR;
    const offered = new Date(offeredAt).toISOString();
    // She had registered among the first, and cancelled yesterday.
    const hers = registered[Math.floor(registered.length / 3)]?.createdAt ?? at();
    cancelled.push({ ...fresh(), status: "cancelled", createdAt: hers, updatedAt: offered });
    queue.push({
      ...fresh(),
      status: "offered",
      createdAt: at(),
      updatedAt: offered,
      offerExpiresAt: new Date(offeredAt + input.offerHours * HOUR).toISOString(),
      ...food(1),
    });
  }
  for (let i = 0; i < (spec.waiting ?? 0); i++) {
    const citizenHere = typeof spec.citizen === "object" && queue.length + 1 === spec.citizen.waitingAt + (spec.offered ? 1 : 0);
    queue.push(
      citizenHere
        ? { name: people.citizen.name, email: people.citizen.email, userId: people.citizen.id, status: "waiting", createdAt: at() }
        : { ...fresh(), status: "waiting", createdAt: at(), ...food(i + 3) },
    );
  }
  return buildRegistrations(db, { id: input.tenantId }, event, [...registered, ...cancelled, ...queue], { now, ring, offerHours: input.offerHours });
}
