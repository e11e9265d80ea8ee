// Cooperation agreements in the demo municipality: ten, at every level of cooperation, most agreed and
// public, one ending within the reminder's 60 days, a draft, one kept out of the register, one ended and
// renewed. Every date is counted from the demo's clock, so the demo stays sensible.

import { Temporal } from "temporal-polyfill";
import type { Database } from "../src/db/database.js";
import type { Agreement, AgreementStatus, DefaultLevel } from "../src/modules/agreements/agreements.model.js";
import { insertAgreement, insertLevels } from "../src/modules/agreements/agreements.repository.js";
import { defaultLevels } from "../src/modules/agreements/levels.service.js";
import { newId } from "../src/platform/ids.js";

export interface AgreementsDemoInput {
  tenantId: string;
  zone: string;
  now: Date;
  /** The demo associations in the demo's order (the first two have the demo board member as admin). */
  associations: { id: string; name: string; email: string }[];
  caseworkerId: string;
}

interface Plan {
  title: string;
  purpose: string;
  /** One of the four levels the demo municipality's scale starts with. */
  level: DefaultLevel;
  status: AgreementStatus;
  unit: string;
  gives: string;
  parties: [number, string][];
  /** Days from today to the start, and the period's length in days (null: open-ended). */
  from: number;
  days: number | null;
  isPublic: boolean;
  notes?: string;
}

const PLANS: Plan[] = [
  {
    title: "Lektiecafé på biblioteket",
    purpose: "Børn og unge i 4.–9. klasse får hjælp til lektier to eftermiddage om ugen.",
    level: "partnership",
    status: "agreed",
    unit: "Børn og Unge",
    gives: "Lokale på hovedbiblioteket tirsdag og torsdag, 25.000 kr. om året til materialer",
    parties: [[0, "Mindst otte frivillige lektiehjælpere hver uge"]],
    from: -320,
    days: 360,
    isPublic: true,
    notes: "Evaluering aftalt til mødet i januar.",
  },
  {
    title: "Besøgsvenner på plejecentrene",
    purpose: "Faste besøgsvenner til beboere på kommunens plejecentre, der ønsker det.",
    level: "cooperation",
    status: "agreed",
    unit: "Sundhed og Omsorg",
    gives: "Kontaktperson på hvert plejecenter og kaffe til besøgene",
    parties: [[1, "Besøgsvenner, og matchning af ven og beboer"]],
    from: -200,
    days: 730,
    isPublic: true,
  },
  {
    title: "Idrætsfaciliteter til foreningsidræt",
    purpose: "Foreningerne får faste tider i kommunens haller mod at holde hold for alle aldre.",
    level: "partnership",
    status: "agreed",
    unit: "Kultur og Fritid",
    gives: "Haltider mandag til torsdag 16–22",
    parties: [
      [2, "Hold for børn, unge og seniorer"],
      [3, "Trænere og holdledere"],
    ],
    from: -400,
    days: 1095,
    isPublic: true,
  },
  {
    title: "Dialogforum om frivillighedspolitikken",
    purpose: "Kommunen og foreningerne mødes fire gange om året om frivillighedspolitikken.",
    level: "dialogue",
    status: "agreed",
    unit: "Borgerservice",
    gives: "Mødelokale, referat og forplejning",
    parties: [
      [0, "To repræsentanter til hvert møde"],
      [4, "En repræsentant til hvert møde"],
    ],
    from: -100,
    days: null,
    isPublic: true,
  },
  {
    title: "Nyhedsbrev om tilskud og lokaler",
    purpose: "Foreningerne får besked om nye tilskudspuljer og ledige lokaler.",
    level: "information",
    status: "agreed",
    unit: "Kultur og Fritid",
    gives: "Nyhedsbrev hver måned",
    parties: [[5, "Sender nyhederne videre til medlemmerne"]],
    from: -60,
    days: 365,
    isPublic: true,
  },
  {
    title: "Sommeraktiviteter for børn",
    purpose: "Gratis aktiviteter i skolernes sommerferie for børn, der ikke kommer på ferie.",
    level: "cooperation",
    status: "agreed",
    unit: "Børn og Unge",
    gives: "Busser, frokost og 40.000 kr.",
    parties: [[3, "Aktiviteter tre dage om ugen i seks uger"]],
    from: 30,
    days: 180,
    isPublic: true,
  },
  {
    title: "Madfællesskab for ældre",
    purpose: "Fællesspisning hver onsdag for ældre, der bor alene.",
    level: "cooperation",
    status: "draft",
    unit: "Sundhed og Omsorg",
    gives: "Køkken og spisesal på aktivitetscentret",
    parties: [[1, "Frivillige kokke og værter"]],
    from: 14,
    days: 365,
    isPublic: false,
  },
  {
    title: "Natteravne i midtbyen",
    purpose: "Voksne på gaden fredag og lørdag aften, så unge føler sig trygge.",
    level: "cooperation",
    status: "agreed",
    unit: "Forebyggelse",
    gives: "Jakker, telefoner og kørsel",
    parties: [[4, "Hold af natteravne hver weekend"]],
    from: -300,
    days: 365,
    isPublic: false,
    notes: "Ikke offentlig efter ønske fra politiet.",
  },
  {
    title: "Førstehjælpskurser for foreninger",
    purpose: "Kurser i førstehjælp for trænere og frivillige.",
    level: "information",
    status: "ended",
    unit: "Beredskab",
    gives: "Instruktører og kursuslokale",
    parties: [
      [2, "Tilmelder deltagere"],
      [5, "Tilmelder deltagere"],
    ],
    from: -700,
    days: 365,
    isPublic: true,
  },
  {
    title: "Grønne områder – frivillig pleje",
    purpose: "Foreningen passer tre lommeparker; kommunen står for redskaber og affald.",
    level: "partnership",
    status: "agreed",
    unit: "Teknik og Miljø",
    gives: "Redskaber, affaldsafhentning og 15.000 kr. om året",
    parties: [[0, "Plejedage hver anden lørdag"]],
    from: -20,
    days: 730,
    isPublic: true,
  },
];

/** The association's contact person for each agreement, by the plan's place in the list. */
const CONTACTS = [
  "Hanne Kjær",
  "Ole Bruun",
  "Mette Lind",
  "Jens Holm",
  "Birgit Dahl",
  "Søren Krogh",
  "Lone Vestergaard",
  "Peter Friis",
  "Anne Mølgaard",
  "Kim Juhl",
];

export async function seedAgreements(db: Database, input: AgreementsDemoInput): Promise<void> {
  const today = Temporal.Instant.fromEpochMilliseconds(input.now.getTime()).toZonedDateTimeISO(input.zone).toPlainDate();
  const at = input.now.toISOString();
  // The municipality's scale: the four defaults, named in every language.
  await insertLevels(db, input.tenantId, defaultLevels(), at);
  const usable = PLANS.filter((p) => p.parties.every(([i]) => input.associations[i]));
  for (const [n, plan] of usable.entries()) {
    const id = newId();
    const startsOn = today.add({ days: plan.from });
    const agreement: Agreement = {
      id,
      tenantId: input.tenantId,
      seriesId: id,
      previousId: null,
      title: plan.title,
      purpose: plan.purpose,
      level: plan.level,
      status: plan.status,
      municipalUnit: plan.unit,
      municipalityGives: plan.gives,
      startsOn: startsOn.toString(),
      endsOn: plan.days === null ? null : startsOn.add({ days: plan.days }).toString(),
      isPublic: plan.isPublic,
      contactName: CONTACTS[n % CONTACTS.length] ?? "",
      contactEmail: input.associations[plan.parties[0]?.[0] ?? 0]?.email ?? "",
      contactPhone: "",
      notes: plan.notes ?? "",
      responsibleUserId: input.caseworkerId,
      remindedAt: null,
      endedAt: plan.status === "ended" ? at : null,
      endNote: plan.status === "ended" ? "Forløbet sluttede som planlagt." : "",
      createdAt: at,
      updatedAt: at,
      parties: plan.parties.map(([i, gives]) => ({ associationId: input.associations[i]?.id as string, name: input.associations[i]?.name ?? "", gives })),
    };
    await insertAgreement(db, input.tenantId, agreement);
  }
}
