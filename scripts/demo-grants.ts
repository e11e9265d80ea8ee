// Grants in the demo municipality: the §18 pool with a round decided last autumn (letters, payouts and
// reports in every state) and a spring round open now (drafts and sent applications), and an activity
// grant open all year. Every date is counted from the demo's clock, so the demo stays sensible.

import { Temporal } from "temporal-polyfill";
import type { Database } from "../src/db/database.js";
import { insertApplication, putProfile } from "../src/modules/grants/applications.repository.js";
import type { Answers, FormDefinition } from "../src/modules/grants/form.model.js";
import type { Application, ApplicationProfile, BoardMember, Criterion, Decision, Report, Round, Scheme } from "../src/modules/grants/grants.model.js";
import { fillLetter, letterTemplate } from "../src/modules/grants/letters.js";
import { insertLetter } from "../src/modules/grants/letters.repository.js";
import { insertPayouts } from "../src/modules/grants/payouts.repository.js";
import { insertQuestion } from "../src/modules/grants/questions.repository.js";
import { insertReport } from "../src/modules/grants/reports.repository.js";
import { freezeFormVersion, insertFormVersion, insertRound, insertScheme } from "../src/modules/grants/schemes.repository.js";
import { putDeclaration, putScores } from "../src/modules/grants/scores.repository.js";
import { type GrantSettings, putSettings } from "../src/modules/grants/settings.repository.js";
import { formats } from "../src/platform/i18n/format.js";
import { newId } from "../src/platform/ids.js";

const DAY = 86_400_000;
const kr = (n: number) => n * 100;

export interface GrantsDemoInput {
  tenantId: string;
  zone: string;
  now: Date;
  /** The demo associations in the demo's order (the first two have the demo board member as admin). */
  associations: { id: string; name: string; reg: string | null; email: string }[];
  people: { assocAdmin: string; caseworker: string; committee: string; tenantAdmin: string };
}

const SETTINGS: GrantSettings = {
  funderId: "DK-CVR-29189900",
  funderName: "Sønderby Kommune",
  idPrefix: "360G-sonderby",
  letterTemplates: {},
  appealNote: {
    da: "Afgørelsen kan ikke påklages til anden myndighed. Har I spørgsmål, så ring eller skriv til Frivilligcentret.",
  },
};

const CRITERIA_18: Criterion[] = [
  { key: "reach", label: { da: "Når projektet ud til de borgere, der har mest brug for det?", en: "Does it reach the people who need it most?" }, weight: 3 },
  { key: "volunteers", label: { da: "Bygger det på frivillige kræfter?", en: "Is it built on volunteers?" }, weight: 2 },
  { key: "budget", label: { da: "Er budgettet realistisk?", en: "Is the budget realistic?" }, weight: 1 },
];

const FORM_18: FormDefinition = {
  sections: [
    {
      key: "project",
      title: { da: "Om projektet", en: "About the project" },
      help: { da: "Fortæl kort, hvad I vil lave, og for hvem.", en: "Tell us briefly what you will do, and for whom." },
      fields: [
        {
          key: "summary",
          type: "longText",
          label: { da: "Hvad vil I lave?", en: "What will you do?" },
          help: {},
          required: true,
          max: 2000,
          choices: [],
        },
        {
          key: "target",
          type: "choice",
          label: { da: "Hvem er det for?", en: "Who is it for?" },
          help: {},
          required: true,
          choices: [
            { key: "elderly", label: { da: "Ældre", en: "Older people" } },
            { key: "children", label: { da: "Børn og unge", en: "Children and young people" } },
            { key: "vulnerable", label: { da: "Udsatte voksne", en: "Vulnerable adults" } },
            { key: "other", label: { da: "Andre", en: "Others" } },
          ],
        },
        {
          key: "participants",
          type: "number",
          label: { da: "Hvor mange deltager?", en: "How many take part?" },
          help: {},
          required: true,
          max: 100000,
          choices: [],
        },
        {
          key: "partner",
          type: "yesNo",
          label: { da: "Samarbejder I med andre?", en: "Do you work with others?" },
          help: {},
          required: true,
          choices: [],
        },
        {
          key: "partnerName",
          type: "text",
          label: { da: "Hvem samarbejder I med?", en: "Who do you work with?" },
          help: {},
          required: true,
          max: 200,
          choices: [],
          showIf: { field: "partner", equals: "yes" },
        },
        {
          key: "startOn",
          type: "date",
          label: { da: "Hvornår går I i gang?", en: "When do you start?" },
          help: {},
          required: false,
          choices: [],
        },
      ],
    },
    {
      key: "volunteers",
      title: { da: "De frivillige", en: "The volunteers" },
      help: {},
      fields: [
        {
          key: "volunteerCount",
          type: "number",
          label: { da: "Hvor mange frivillige er med?", en: "How many volunteers take part?" },
          help: {},
          required: true,
          max: 10000,
          choices: [],
        },
      ],
    },
    {
      key: "money",
      title: { da: "Økonomi", en: "Money" },
      help: { da: "Skriv alle udgifter og de indtægter, I har ud over tilskuddet.", en: "List all costs, and the income you have besides the grant." },
      fields: [
        { key: "budget", type: "budget", label: { da: "Budget", en: "Budget" }, help: {}, required: true, choices: [] },
        {
          key: "accounts",
          type: "file",
          label: { da: "Foreningens seneste regnskab", en: "The association's latest accounts" },
          help: { da: "PDF eller billede.", en: "PDF or image." },
          required: false,
          choices: [],
        },
      ],
    },
  ],
};

const FORM_ACTIVITY: FormDefinition = {
  sections: [
    {
      key: "activity",
      title: { da: "Aktiviteten", en: "The activity" },
      help: {},
      fields: [
        {
          key: "summary",
          type: "longText",
          label: { da: "Hvad skal pengene bruges til?", en: "What is the money for?" },
          help: {},
          required: true,
          max: 1000,
          choices: [],
        },
        {
          key: "participants",
          type: "number",
          label: { da: "Hvor mange deltager?", en: "How many take part?" },
          help: {},
          required: true,
          max: 10000,
          choices: [],
        },
        { key: "budget", type: "budget", label: { da: "Budget", en: "Budget" }, help: {}, required: true, choices: [] },
      ],
    },
  ],
};

const BOARDS: BoardMember[][] = [
  [
    { name: "Mette Lund", role: "Formand" },
    { name: "Hans Jørgensen", role: "Kasserer" },
    { name: "Else Kristensen", role: "Bestyrelsesmedlem" },
  ],
  [
    { name: "Mette Lund", role: "Formand" },
    { name: "Amira Haddad", role: "Kasserer" },
  ],
  [
    { name: "Poul Erik Madsen", role: "Formand" },
    { name: "Inge Thomsen", role: "Kasserer" },
  ],
  [
    { name: "Birthe Sørensen", role: "Formand" },
    { name: "Jens Kjær", role: "Kasserer" },
  ],
  [
    { name: "Lone Vestergaard", role: "Formand" },
    { name: "Morten Dahl", role: "Kasserer" },
  ],
  [
    { name: "Thomas Bech", role: "Formand" },
    { name: "Rasmus Holt", role: "Kasserer" },
  ],
  [
    { name: "Fatima Yilmaz", role: "Formand" },
    { name: "Hanne Mortensen", role: "Kasserer" },
  ],
  [
    { name: "Kim Andersen", role: "Formand" },
    { name: "Susanne Friis", role: "Kasserer" },
  ],
];
const MEMBERS = [64, 28, 112, 15, 22, 31, 58, 340];
const ACTIVITIES = [
  "Besøgsvenner til ældre, der bor alene.",
  "Gratis lektiehjælp for skolebørn to gange om ugen.",
  "Gåture for seniorer hver onsdag.",
  "Sorggrupper for voksne, der har mistet.",
  "Gratis rådgivning om gæld og budget.",
  "Aktiviteter for fædre og deres børn.",
  "Netværk og sprogcafé for kvinder.",
  "Fodbold, gymnastik og badminton for alle aldre.",
];

const budget = (cost: [string, number][], income: [string, number][]) => ({
  cost: cost.map(([label, amount]) => ({ label, amount: kr(amount) })),
  income: income.map(([label, amount]) => ({ label, amount: kr(amount) })),
});

interface Planned {
  association: number;
  title: string;
  requested: number;
  answers: Answers;
  decision?: Decision;
  granted?: number;
  reason?: string;
  scores?: [number, number, number];
  paid?: "all" | "half" | "none";
  report?: "approved" | "submitted" | "dueSoon" | "overdue";
}

const AUTUMN: Planned[] = [
  {
    association: 0,
    title: "Besøgsvenner til ældre med demens",
    requested: 40_000,
    answers: {
      summary:
        "Vi uddanner 15 nye besøgsvenner til at besøge ældre med demens i eget hjem. De frivillige får et kursus med en demenskoordinator og mødes hver måned med en erfaren besøgsven.",
      target: "elderly",
      participants: 30,
      partner: true,
      partnerName: "Sønderby Kommunes demenskoordinatorer",
      volunteerCount: 15,
      budget: budget(
        [
          ["Kursus for frivillige", 18_000],
          ["Kørsel", 12_000],
          ["Møder og forplejning", 10_000],
        ],
        [],
      ),
    },
    decision: "granted",
    granted: 40_000,
    scores: [5, 5, 4],
    paid: "all",
    report: "approved",
  },
  {
    association: 1,
    title: "Lektiecafé på biblioteket to dage om ugen",
    requested: 45_000,
    answers: {
      summary: "Vi vil holde lektiecaféen åben to dage om ugen i stedet for én, så flere børn fra 4.-9. klasse kan få hjælp. Vi køber bøger og frugt.",
      target: "children",
      participants: 45,
      partner: true,
      partnerName: "Sønderby Bibliotek",
      volunteerCount: 12,
      budget: budget(
        [
          ["Frugt og drikkevarer", 15_000],
          ["Bøger og materialer", 20_000],
          ["Kursus for frivillige", 10_000],
        ],
        [],
      ),
    },
    decision: "reduced",
    granted: 25_000,
    reason: "Puljen kunne ikke dække alle ansøgninger fuldt ud. Vi har givet tilskud til frugt og kursus, men ikke til bøger, som biblioteket kan låne jer.",
    scores: [4, 4, 3],
    paid: "all",
    report: "submitted",
  },
  {
    association: 2,
    title: "Gåture for nye seniorer i Sønderby",
    requested: 15_000,
    answers: {
      summary:
        "Vi vil invitere seniorer, der lige er gået på pension eller flyttet til byen, med på vores onsdagsture og give dem en fast gåmakker de første måneder.",
      target: "elderly",
      participants: 40,
      partner: false,
      volunteerCount: 8,
      budget: budget(
        [
          ["Annoncer og foldere", 5_000],
          ["Kaffe og kage på turene", 6_000],
          ["Førstehjælpskursus", 4_000],
        ],
        [],
      ),
    },
    decision: "granted",
    granted: 15_000,
    scores: [4, 5, 5],
    paid: "all",
    report: "dueSoon",
  },
  {
    association: 3,
    title: "Sorggruppe for unge voksne",
    requested: 30_000,
    answers: {
      summary:
        "En ny sorggruppe for voksne mellem 18 og 30 år, der har mistet en forælder. Gruppen mødes hver anden uge i et halvt år med to uddannede frivillige.",
      target: "vulnerable",
      participants: 10,
      partner: false,
      volunteerCount: 4,
      budget: budget(
        [
          ["Supervision ved psykolog", 18_000],
          ["Uddannelse af samtaleledere", 9_000],
          ["Forplejning", 3_000],
        ],
        [],
      ),
    },
    decision: "granted",
    granted: 30_000,
    scores: [5, 3, 4],
    paid: "half",
    report: "overdue",
  },
  {
    association: 4,
    title: "Ny computer og kontorstol",
    requested: 20_000,
    answers: {
      summary: "Vi har brug for en ny computer og en kontorstol til rådgivningen.",
      target: "vulnerable",
      participants: 0,
      partner: false,
      volunteerCount: 6,
      budget: budget(
        [
          ["Computer", 14_000],
          ["Kontorstol", 6_000],
        ],
        [],
      ),
    },
    decision: "rejected",
    reason:
      "§18-puljen giver tilskud til frivilligt socialt arbejde med borgerne, ikke til foreningens drift og udstyr. I kan søge Aktivitetstilskud eller fonde til udstyr.",
    scores: [1, 2, 3],
  },
  {
    association: 5,
    title: "Weekendtur for fædre og børn",
    requested: 50_000,
    answers: {
      summary: "En weekendtur til Djursland for 20 fædre og deres børn, med aktiviteter i naturen og tid til at tale sammen.",
      target: "children",
      participants: 45,
      partner: false,
      volunteerCount: 5,
      budget: budget(
        [
          ["Hytte", 25_000],
          ["Bus", 15_000],
          ["Mad", 10_000],
        ],
        [["Egenbetaling", 0]],
      ),
    },
    decision: "rejected",
    reason:
      "Der var flere ansøgninger, end puljen kunne dække, og rådet har prioriteret projekter, der løber hele året. I er velkomne til at søge igen i foråret.",
    scores: [3, 2, 2],
  },
];

const SPRING: (Planned & { draft?: boolean })[] = [
  {
    association: 1,
    title: "Sommerlektiecafé 2027",
    requested: 20_000,
    draft: true,
    answers: {
      summary: "I sommerferien vil vi holde lektiecaféen åben tre formiddage om ugen, så børnene ikke glemmer det, de har lært.",
      target: "children",
      participants: 25,
      budget: budget([["Frugt og drikkevarer", 8_000]], []),
    },
  },
  {
    association: 6,
    title: "Sprogcafé for nye kvinder i Sønderby",
    requested: 18_000,
    draft: true,
    answers: { summary: "En ugentlig sprogcafé, hvor kvinder, der er nye i Danmark, kan øve dansk over en kop kaffe.", target: "vulnerable" },
  },
  {
    association: 7,
    title: "Motion for seniorer med KOL",
    requested: 35_000,
    answers: {
      summary: "Hold med træning for seniorer med KOL to gange om ugen, ledet af frivillige trænere, der får et kursus af en fysioterapeut.",
      target: "elderly",
      participants: 24,
      partner: true,
      partnerName: "Lungeforeningen Sønderby",
      volunteerCount: 6,
      budget: budget(
        [
          ["Kursus for trænere", 15_000],
          ["Leje af sal", 12_000],
          ["Udstyr", 8_000],
        ],
        [],
      ),
    },
  },
  {
    association: 0,
    title: "Besøgshunde på plejecentret",
    requested: 28_000,
    answers: {
      summary: "Frivillige med deres hunde besøger beboerne på Sønderby Plejecenter hver uge. Hundene og ejerne bliver testet og uddannet først.",
      target: "elderly",
      participants: 60,
      partner: true,
      partnerName: "Sønderby Plejecenter",
      volunteerCount: 10,
      budget: budget(
        [
          ["Test og uddannelse af hunde", 16_000],
          ["Forsikring", 6_000],
          ["Kørsel", 6_000],
        ],
        [],
      ),
    },
  },
];

/** The instant a local date and time in the zone stands for, as an ISO string. */
const localInstant = (date: Temporal.PlainDate, time: string, zone: string) =>
  new Date(date.toZonedDateTime({ timeZone: zone, plainTime: Temporal.PlainTime.from(time) }).epochMilliseconds).toISOString();
const season = (date: Temporal.PlainDate) => `${date.month <= 6 ? "forår" : "efterår"} ${date.year}`;

export async function seedGrants(db: Database, input: GrantsDemoInput): Promise<void> {
  const { tenantId, zone, now, associations, people } = input;
  const at = (ms: number) => new Date(now.getTime() + ms).toISOString();
  const today = Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(zone).toPlainDate();
  const fmt = formats("da", zone);
  await putSettings(db, tenantId, SETTINGS, at(-120 * DAY));

  // The profiles every application is filled from.
  for (const [i, a] of associations.slice(0, BOARDS.length).entries())
    await putProfile(
      db,
      tenantId,
      a.id,
      { bankAccount: `${9570 + i} 00${12345670 + i * 7}`, board: BOARDS[i] ?? [], memberCount: MEMBERS[i] ?? null, activities: ACTIVITIES[i] ?? "" },
      people.assocAdmin,
      at(-200 * DAY),
    );
  const profileOf = (i: number, when: string): ApplicationProfile => {
    const a = associations[i] as GrantsDemoInput["associations"][number];
    return {
      associationId: a.id,
      name: a.name,
      registrationNumber: a.reg,
      email: a.email,
      bankAccount: `${9570 + i} 00${12345670 + i * 7}`,
      board: BOARDS[i] ?? [],
      memberCount: MEMBERS[i] ?? null,
      activities: ACTIVITIES[i] ?? "",
      updatedAt: when,
    };
  };

  // Scheme 1: the §18 pool, with its form as version 1.
  const created = at(-300 * DAY);
  const pool: Scheme = {
    id: newId(),
    tenantId,
    title: "§18-puljen",
    purpose: "Tilskud til frivilligt socialt arbejde, der gør en forskel for borgere i Sønderby Kommune.",
    rules:
      "Der gives tilskud til aktiviteter, som frivillige står for, og som kommer socialt udsatte eller ensomme borgere til gode. Der gives ikke tilskud til drift, udstyr eller aktiviteter, der allerede er i gang uden tilskud.",
    whoMayApply: "Foreninger og frivillige grupper med social frivillig aktivitet i Sønderby Kommune.",
    translations: {
      en: {
        title: "The §18 pool",
        purpose: "Grants for voluntary social work that makes a difference to people in Sønderby.",
        rules: "Grants go to activities run by volunteers for people who are lonely or in a vulnerable position. No grants for running costs or equipment.",
        whoMayApply: "Associations and volunteer groups doing social work in Sønderby.",
      },
    },
    maxAmount: kr(50_000),
    requiresRegistration: false,
    criteria: CRITERIA_18,
    reportDemands: ["activities", "participants", "hours", "accounts"],
    reportMonths: 12,
    allYear: false,
    status: "active",
    createdAt: created,
    updatedAt: created,
  };
  await insertScheme(db, tenantId, pool);
  const poolForm = { id: newId(), schemeId: pool.id, version: 1, definition: FORM_18, createdAt: created, frozenAt: null };
  await insertFormVersion(db, tenantId, poolForm, people.tenantAdmin);

  // Its round decided a week ago: the deadline two months before that.
  const decidedAt = at(-7 * DAY);
  const decidedDay = today.subtract({ days: 7 });
  const autumnDeadline = decidedDay.subtract({ days: 65 });
  const autumn: Round = {
    id: newId(),
    tenantId,
    schemeId: pool.id,
    title: `§18 ${season(autumnDeadline)}`,
    opensAt: localInstant(autumnDeadline.subtract({ days: 60 }), "00:00", zone),
    deadlineAt: localInstant(autumnDeadline, "23:59", zone),
    secondDeadlineAt: null,
    budget: kr(150_000),
    status: "decided",
    decisionBody: "Frivillighedsrådet",
    decidedAt,
    createdAt: created,
    updatedAt: decidedAt,
  };
  await insertRound(db, tenantId, autumn);

  const serials = new Map<number, number>();
  const referenceFor = (when: string) => {
    const year = Number(when.slice(0, 4));
    const n = (serials.get(year) ?? 0) + 1;
    serials.set(year, n);
    return `${year}-${String(n).padStart(4, "0")}`;
  };
  const application = (round: Round, formId: string, p: Planned, when: string, status: Application["status"]): Application => {
    const a = associations[p.association] as GrantsDemoInput["associations"][number];
    return {
      id: newId(),
      tenantId,
      roundId: round.id,
      schemeId: round.schemeId,
      associationId: a.id,
      formVersionId: formId,
      reference: referenceFor(when),
      status,
      title: p.title,
      amountRequested: kr(p.requested),
      answers: p.answers,
      profile: status === "draft" ? null : profileOf(p.association, when),
      reopened: [],
      language: "da",
      createdBy: p.association <= 1 ? people.assocAdmin : null,
      createdAt: when,
      updatedBy: p.association <= 1 ? people.assocAdmin : null,
      updatedAt: when,
      submittedBy: status === "draft" ? null : p.association <= 1 ? people.assocAdmin : null,
      submittedAt: status === "draft" ? null : when,
      eligibility: null,
      recommendedAmount: null,
      recommendation: null,
      recommendedBy: null,
      recommendedAt: null,
      decision: null,
      grantedAmount: null,
      decisionReason: null,
      decidedBy: null,
      decidedAt: null,
      letterSentAt: null,
    };
  };

  const assessedAt = localInstant(autumnDeadline.add({ days: 20 }), "10:00", zone);
  for (const [i, p] of AUTUMN.entries()) {
    const sent = localInstant(autumnDeadline.subtract({ days: 12 - i }), "20:15", zone);
    const base = application(autumn, poolForm.id, p, sent, "decided");
    const granted = p.granted === undefined ? null : kr(p.granted);
    const a: Application = {
      ...base,
      eligibility: {
        checks: [
          { key: "registered", ok: true },
          { key: "no_overdue_report", ok: true },
          { key: "within_max", ok: true },
        ],
        verdict: "eligible",
        by: people.caseworker,
        at: assessedAt,
      },
      recommendedAmount: granted ?? 0,
      recommendation: p.decision === "rejected" ? (p.reason ?? "") : "Projektet passer til puljens formål og bygger på frivillige.",
      recommendedBy: people.caseworker,
      recommendedAt: assessedAt,
      decision: p.decision ?? null,
      grantedAmount: granted,
      decisionReason: p.reason ?? null,
      decidedBy: people.committee,
      decidedAt,
      letterSentAt: decidedAt,
      updatedAt: decidedAt,
    };
    await insertApplication(db, tenantId, a);
    if (i === 0) await freezeFormVersion(db, tenantId, poolForm.id, sent);
    const [reach, volunteers, money] = p.scores ?? [3, 3, 3];
    await putScores(db, tenantId, a.id, people.caseworker, [
      { applicationId: a.id, reviewerId: people.caseworker, criterionKey: "reach", score: reach, createdAt: assessedAt },
      { applicationId: a.id, reviewerId: people.caseworker, criterionKey: "volunteers", score: volunteers, createdAt: assessedAt },
      { applicationId: a.id, reviewerId: people.caseworker, criterionKey: "budget", score: money, createdAt: assessedAt },
    ]);
    await putDeclaration(db, tenantId, { applicationId: a.id, userId: people.caseworker, conflict: false, note: "", declaredAt: assessedAt });
    await putDeclaration(db, tenantId, {
      applicationId: a.id,
      userId: people.committee,
      conflict: p.association === 7,
      note: p.association === 7 ? "Jeg er medlem af foreningens bestyrelse." : "",
      declaredAt: at(-10 * DAY),
    });
    if (i === 1)
      await insertQuestion(db, tenantId, {
        id: newId(),
        applicationId: a.id,
        askedBy: people.caseworker,
        question: "Kan biblioteket låne jer bøgerne, så I ikke skal købe dem?",
        fieldKeys: [],
        askedAt: assessedAt,
        answer: "Ja, det har vi talt med biblioteket om. Vi beholder gerne posten, hvis der skal købes nye.",
        answeredBy: people.assocAdmin,
        answeredAt: localInstant(autumnDeadline.add({ days: 22 }), "19:40", zone),
      });
    const decision = p.decision ?? "rejected";
    const association = associations[p.association]?.name ?? "";
    const letter = fillLetter(letterTemplate(SETTINGS, decision, "da"), {
      association,
      title: p.title,
      reference: a.reference,
      scheme: pool.title,
      amount: granted === null ? "" : fmt.money(granted, "DKK"),
      requested: fmt.money(kr(p.requested), "DKK"),
      reason: p.reason ?? "",
      body: autumn.decisionBody,
    });
    await insertLetter(db, tenantId, { id: newId(), applicationId: a.id, kind: "decision", language: "da", ...letter, createdAt: decidedAt });

    if (granted === null) continue;
    const firstDue = decidedDay.add({ days: 5 }).toString();
    const paidAt = at(-2 * DAY);
    const payouts =
      p.paid === "half"
        ? [
            { id: newId(), applicationId: a.id, amount: granted / 2, dueOn: firstDue, paidAt, paidBy: people.caseworker },
            { id: newId(), applicationId: a.id, amount: granted / 2, dueOn: today.add({ days: 60 }).toString(), paidAt: null, paidBy: null },
          ]
        : [
            {
              id: newId(),
              applicationId: a.id,
              amount: granted,
              dueOn: firstDue,
              paidAt: p.paid === "all" ? paidAt : null,
              paidBy: p.paid === "all" ? people.caseworker : null,
            },
          ];
    await insertPayouts(db, tenantId, payouts, decidedAt);

    const due = {
      approved: today.subtract({ days: 2 }),
      submitted: today.add({ days: 20 }),
      dueSoon: today.add({ days: 10 }),
      overdue: today.subtract({ days: 20 }),
    }[p.report ?? "dueSoon"].toString();
    const submittedAt = p.report === "approved" ? at(-4 * DAY) : p.report === "submitted" ? at(-1 * DAY) : null;
    const report: Report = {
      id: newId(),
      tenantId,
      applicationId: a.id,
      associationId: a.associationId,
      dueOn: due,
      status: p.report === "approved" ? "approved" : p.report === "submitted" ? "submitted" : "due",
      whatWasDone:
        p.report === "approved"
          ? "Vi holdt kurset for 15 nye besøgsvenner i oktober. 13 af dem besøger nu en ældre med demens hver uge, og vi mødes hver måned."
          : p.report === "submitted"
            ? "Lektiecaféen har været åben tirsdag og torsdag siden efterårsferien. Der kommer mellem 15 og 25 børn hver gang."
            : "",
      participants: p.report === "approved" ? 28 : p.report === "submitted" ? 41 : null,
      volunteerHours: p.report === "approved" ? 620 : p.report === "submitted" ? 310 : null,
      accounts:
        p.report === "approved"
          ? {
              cost: [
                { label: "Kursus for frivillige", amount: kr(18_000), actual: kr(17_250) },
                { label: "Kørsel", amount: kr(12_000), actual: kr(13_100) },
                { label: "Møder og forplejning", amount: kr(10_000), actual: kr(9_650) },
              ],
              income: [],
            }
          : p.report === "submitted"
            ? {
                cost: [
                  { label: "Frugt og drikkevarer", amount: kr(15_000), actual: kr(14_200) },
                  { label: "Kursus for frivillige", amount: kr(10_000), actual: kr(10_800) },
                ],
                income: [],
              }
            : { cost: [], income: [] },
      spent: p.report === "approved" ? kr(40_000) : p.report === "submitted" ? kr(25_000) : null,
      toRepay: p.report === "approved" ? 0 : null,
      repaidAt: null,
      reminders: p.report === "overdue" ? ["before", "on", "after"] : p.report === "dueSoon" ? ["before"] : [],
      submittedBy: submittedAt && p.association <= 1 ? people.assocAdmin : null,
      submittedAt,
      reviewedBy: p.report === "approved" ? people.caseworker : null,
      reviewedAt: p.report === "approved" ? at(-3 * DAY) : null,
      reviewNote: p.report === "approved" ? "Tak for en god rapport. Godkendt." : null,
    };
    await insertReport(db, tenantId, report, submittedAt ?? decidedAt);
  }

  // Its spring round, open now until the first of the month about three months ahead, 23:59.
  const ahead = today.add({ months: 3 });
  const springDeadline = ahead.day === 1 ? ahead : ahead.with({ day: 1 }).add({ months: 1 });
  const spring: Round = {
    id: newId(),
    tenantId,
    schemeId: pool.id,
    title: `§18 ${season(springDeadline)}`,
    opensAt: at(-3 * DAY),
    deadlineAt: localInstant(springDeadline, "23:59", zone),
    secondDeadlineAt: null,
    budget: kr(200_000),
    status: "open",
    decisionBody: "Frivillighedsrådet",
    decidedAt: null,
    createdAt: at(-10 * DAY),
    updatedAt: at(-10 * DAY),
  };
  await insertRound(db, tenantId, spring);
  for (const [i, p] of SPRING.entries()) {
    const when = at(-(2 - i * 0.3) * DAY);
    await insertApplication(db, tenantId, application(spring, poolForm.id, p, when, p.draft ? "draft" : "submitted"));
  }

  // Scheme 2: an activity grant open all year, a simpler form, and one application sent.
  const activity: Scheme = {
    id: newId(),
    tenantId,
    title: "Aktivitetstilskud",
    purpose: "Små tilskud til en aktivitet, et arrangement eller en tur for foreningens medlemmer.",
    rules: "Der gives højst 10.000 kr. pr. forening om året. Søg senest en måned før aktiviteten.",
    whoMayApply: "Alle foreninger i Sønderby Kommune.",
    translations: {
      en: {
        title: "Activity grant",
        purpose: "Small grants for an activity, an event or an outing for the association's members.",
        rules: "At most 10,000 kr. per association a year. Apply at least a month before the activity.",
        whoMayApply: "Every association in Sønderby.",
      },
    },
    maxAmount: kr(10_000),
    requiresRegistration: false,
    criteria: [{ key: "members", label: { da: "Kommer det mange medlemmer til gode?", en: "Does it benefit many members?" }, weight: 1 }],
    reportDemands: ["activities", "participants"],
    reportMonths: 3,
    allYear: true,
    status: "active",
    createdAt: created,
    updatedAt: created,
  };
  await insertScheme(db, tenantId, activity);
  const activityForm = { id: newId(), schemeId: activity.id, version: 1, definition: FORM_ACTIVITY, createdAt: created, frozenAt: null };
  await insertFormVersion(db, tenantId, activityForm, people.tenantAdmin);
  const yearRound: Round = {
    id: newId(),
    tenantId,
    schemeId: activity.id,
    title: `Aktivitetstilskud ${today.year}`,
    opensAt: localInstant(Temporal.PlainDate.from({ year: today.year, month: 1, day: 1 }), "00:00", zone),
    deadlineAt: null,
    secondDeadlineAt: null,
    budget: kr(60_000),
    status: "open",
    decisionBody: "Frivilligcentret",
    decidedAt: null,
    createdAt: created,
    updatedAt: created,
  };
  await insertRound(db, tenantId, yearRound);
  const walk = at(-5 * DAY);
  await insertApplication(
    db,
    tenantId,
    application(
      yearRound,
      activityForm.id,
      {
        association: 2,
        title: "Juletur til Den Gamle By",
        requested: 8_000,
        answers: {
          summary: "Bus og entré til en juletur for gåklubbens medlemmer. Mange af dem kommer ikke ud ellers i december.",
          participants: 38,
          budget: budget(
            [
              ["Bus", 5_500],
              ["Entré", 4_500],
            ],
            [["Egenbetaling", 2_000]],
          ),
        },
      },
      walk,
      "submitted",
    ),
  );
  await freezeFormVersion(db, tenantId, activityForm.id, walk);
}
