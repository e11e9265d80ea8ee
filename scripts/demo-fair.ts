// The volunteer fair's stands: 40 associations applied, most have their stand number, a few still wait;
// the demo association's admin has her stand, its sign and some visitors' interest; staff noted two agreements.
import type { Database } from "../src/db/database.js";
import type { CommunityEvent } from "../src/modules/events/events.model.js";
import type { StandSize } from "../src/modules/events/fair.model.js";
import { insertAgreement, insertLead, insertStand } from "../src/modules/events/fair.repository.js";
import { defaultFollowUp } from "../src/modules/events/fair-agreements.js";
import { standCode } from "../src/modules/events/fair-stands.js";
import { insertFile } from "../src/platform/files/files.repository.js";
import { newId } from "../src/platform/ids.js";
import { logoPng } from "./demo-images.js";

const SHOWS = [
  "Kom og mød vores frivillige, og hør hvordan en besøgsven gør en forskel for ældre i Sønderby.",
  "Prøv en lektiecafé på fem minutter: vi har opgaver, kaffe og frivillige, der fortæller.",
  "Billeder fra vores gåture og en kort tur rundt om rådhuset kl. 11 og 13.",
  "Samtaler om sorg og om hvordan man bliver frivillig samtalepartner.",
  "Gratis tjek af dit budget og en snak om at blive frivillig rådgiver.",
  "Quiz, kaffe og en snak om hvad fædre kan gøre for hinanden.",
  "Strik, te og fortællinger fra netværkets mødesteder.",
  "Prøv kræfter med vores trænere på en lille bane foran standen.",
];
/** Associations that take part only in the fair, so that it has its 40 stands. */
const FAIR_ONLY = [
  "Sønderby Spejderne",
  "Røde Kors Sønderby",
  "Sønderby Seniordans",
  "Madklubben på Vestervang",
  "Sønderby Naturfredning",
  "Repair Café Sønderby",
  "Sønderby Skakklub",
  "Frivillig Nattevandring Sønderby",
  "Sønderby Kirkes Besøgstjeneste",
  "Mænds Mødesteder Sønderby",
  "Sønderby Lokalhistoriske Forening",
  "Kor for alle Sønderby",
  "Sønderby Cykelklub",
  "Foreningen Til Hest",
  "Sønderby Biavlerforening",
  "Ukrainsk Fællesskab Sønderby",
  "Sønderby Rollespil",
  "Hjertestarterforeningen Sønderby",
  "Sønderby Havefællesskab",
  "Ungdomsklubbens Venner",
];

const SIZES: StandSize[] = ["small", "medium", "medium", "large"];

const VISITORS = [
  { name: "Anna Madsen", other: "Har tid tirsdag formiddag." },
  { name: null, other: "" },
  { name: "Omar Farah", other: "Vil gerne høre om kurser for nye frivillige." },
  { name: "Lise Kjær", other: "" },
  { name: "Henrik Dahl", other: "Kan køre bil, hvis nogen skal hentes." },
  { name: null, other: "Interesseret i weekendaktiviteter." },
];

export async function seedFair(
  db: Database,
  input: {
    tenantId: string;
    now: Date;
    zone: string;
    domain: string;
    fair: CommunityEvent;
    associations: { id: string; name: string; categoryId: string | null }[];
    assocAdminId: string;
    staffId: string;
    /** The demo association's open jobs, for its visitors' interests. */
    jobs: { id: string; title: string }[];
    /** The columns that say what an association is: its description and their translations. */
    describe: (name: string) => { description: string; translations?: string };
  },
): Promise<void> {
  const { tenantId, fair } = input;
  const at = (daysAgo: number) => new Date(input.now.getTime() - daysAgo * 86_400_000).toISOString();
  const extra = FAIR_ONLY.slice(0, Math.max(0, 40 - input.associations.length)).map((name, i) => ({
    id: newId(),
    name,
    categoryId: input.associations[i % input.associations.length]?.categoryId ?? null,
  }));
  for (const [i, a] of extra.entries()) {
    const logo = { id: newId(), data: await logoPng(a.name, input.associations.length + i) };
    await insertFile(db, tenantId, { id: logo.id, contentType: "image/png", data: logo.data, createdAt: at(400) });
    await db
      .insertInto("associations")
      .values({
        id: a.id,
        tenant_id: tenantId,
        name: a.name,
        registration_number: null,
        email: `boers${i + 1}@${input.domain}`,
        phone: null,
        ...input.describe(a.name),
        logo_file_id: logo.id,
        created_at: at(400),
        updated_at: at(400),
      })
      .execute();
  }
  const exhibitors = [...input.associations, ...extra].slice(0, 40);
  let number = 0;
  let first: string | null = null;
  for (const [i, a] of exhibitors.entries()) {
    // Every tenth still waits for a number; the demo association has stand 1.
    const waiting = i % 10 === 9;
    const id = newId();
    if (i === 0) first = id;
    await insertStand(db, {
      id,
      tenantId,
      eventId: fair.id,
      associationId: a.id,
      categoryId: a.categoryId,
      size: SIZES[i % SIZES.length] as StandSize,
      needsPower: i % 3 === 0,
      needsTable: i % 2 === 0,
      shows: SHOWS[i % SHOWS.length] as string,
      status: waiting ? "applied" : "assigned",
      standNumber: waiting ? null : String(++number),
      code: standCode(),
      appliedBy: i === 0 ? input.assocAdminId : null,
      createdAt: at(10 - (i % 7)),
      updatedAt: at(3),
    });
  }
  if (first)
    for (const [i, v] of VISITORS.entries()) {
      const jobs = input.jobs.filter((_, j) => (i + j) % 2 === 0).slice(0, 2);
      const email = `besoegende${i + 1}@${input.domain}`;
      await insertLead(db, tenantId, {
        id: newId(),
        standId: first,
        associationId: exhibitors[0]?.id as string,
        email,
        name: v.name,
        interests: { jobs, other: v.other },
        consentVersion: "fair-lead-1",
        consentedAt: at(i % 3),
        createdAt: at(i % 3),
      });
    }
  const followUp = defaultFollowUp(fair, input.zone);
  const agreements = [
    {
      associationIds: [exhibitors[0]?.id, exhibitors[2]?.id].filter((x): x is string => Boolean(x)),
      otherParties: "Sønderby Kommune, Ældre og Sundhed",
      agreed: "Besøgsvennerne og Gåklubben starter en fast gåtur for beboere på plejecentret hver torsdag. Kommunen låner lokalet og betaler kaffen.",
    },
    {
      associationIds: [exhibitors[1]?.id].filter((x): x is string => Boolean(x)),
      otherParties: "Brugsen i Sønderby",
      agreed: "Brugsen giver frugt til lektiecaféen hver uge resten af skoleåret og hænger caféens plakat op ved kassen.",
    },
  ];
  for (const g of agreements)
    await insertAgreement(db, { id: newId(), tenantId, eventId: fair.id, ...g, followUpOn: followUp, recordedBy: input.staffId, createdAt: at(1) });
}
