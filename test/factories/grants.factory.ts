import type { Database } from "../../src/db/database.js";
import { insertApplication } from "../../src/modules/grants/applications.repository.js";
import type { Answers, FormDefinition } from "../../src/modules/grants/form.model.js";
import type { Application, Round, Scheme } from "../../src/modules/grants/grants.model.js";
import { freezeFormVersion, insertFormVersion, insertRound, insertScheme } from "../../src/modules/grants/schemes.repository.js";
import { newId } from "../../src/platform/ids.js";
import type { TenantFixture } from "../harness.js";

/** A small form with one of each kind that matters: text, long text, a choice with a field shown on it, an amount, a budget and a file. */
export const TEST_FORM: FormDefinition = {
  sections: [
    {
      key: "project",
      title: { da: "Om projektet", en: "About the project" },
      help: {},
      fields: [
        { key: "summary", type: "longText", label: { da: "Beskriv projektet", en: "Describe the project" }, help: {}, required: true, max: 2000, choices: [] },
        {
          key: "participants",
          type: "number",
          label: { da: "Antal deltagere", en: "Number of taking part" },
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
          label: { da: "Hvornår starter projektet?", en: "When does the project start?" },
          help: {},
          required: false,
          choices: [],
        },
      ],
    },
    {
      key: "money",
      title: { da: "Økonomi", en: "Money" },
      help: {},
      fields: [
        { key: "budget", type: "budget", label: { da: "Budget", en: "Budget" }, help: {}, required: true, choices: [] },
        { key: "accounts", type: "file", label: { da: "Seneste regnskab", en: "Latest accounts" }, help: {}, required: false, choices: [] },
      ],
    },
  ],
};

/** Answers that fill TEST_FORM and balance a budget of 30.000 kr. with 20.000 kr. applied for. */
export const TEST_ANSWERS: Answers = {
  summary: "Sommerlejr for børn i boligområdet.",
  participants: 40,
  partner: false,
  budget: {
    cost: [
      { label: "Transport", amount: 1_000_000 },
      { label: "Mad", amount: 2_000_000 },
    ],
    income: [{ label: "Egenbetaling", amount: 1_000_000 }],
  },
};

/** An active scheme with two criteria, its form as version 1, and one round taking applications until `deadlineAt`. */
export async function buildScheme(
  db: Database,
  tenant: TenantFixture,
  options: { at?: string; deadlineAt?: string | null; budget?: number; maxAmount?: number; status?: Round["status"]; scheme?: Partial<Scheme> } = {},
) {
  const at = options.at ?? "2026-11-01T09:00:00.000Z";
  const scheme: Scheme = {
    id: newId(),
    tenantId: tenant.id,
    title: "§18-puljen",
    purpose: "Støtte til frivilligt socialt arbejde.",
    rules: "Der gives ikke tilskud til drift.",
    whoMayApply: "Foreninger i kommunen",
    translations: {},
    maxAmount: options.maxAmount ?? 5_000_000,
    requiresRegistration: false,
    criteria: [
      { key: "reach", label: { da: "Når det ud til mange?", en: "Does it reach many?" }, weight: 2 },
      { key: "volunteers", label: { da: "Bygger det på frivillige?", en: "Is it built on volunteers?" }, weight: 1 },
    ],
    reportDemands: ["activities", "participants", "hours", "accounts"],
    reportMonths: 12,
    allYear: false,
    status: "active",
    createdAt: at,
    updatedAt: at,
    ...options.scheme,
  };
  await insertScheme(db, tenant.id, scheme);
  const form = { id: newId(), schemeId: scheme.id, version: 1, definition: TEST_FORM, createdAt: at, frozenAt: null };
  await insertFormVersion(db, tenant.id, form, null);
  const round: Round = {
    id: newId(),
    tenantId: tenant.id,
    schemeId: scheme.id,
    title: "Forårsrunden 2027",
    opensAt: at,
    deadlineAt: options.deadlineAt === undefined ? "2027-03-01T22:59:00.000Z" : options.deadlineAt,
    secondDeadlineAt: null,
    budget: options.budget ?? 20_000_000,
    status: options.status ?? "open",
    decisionBody: "Frivillighedsrådet",
    decidedAt: null,
    createdAt: at,
    updatedAt: at,
  };
  await insertRound(db, tenant.id, round);
  return { scheme, form, round };
}

let serial = 0;

/** An application of the association in the round, in the state asked for (submitted unless said otherwise). */
export async function buildGrantApplication(
  db: Database,
  tenant: TenantFixture,
  made: { round: Round; form: { id: string } },
  associationId: string,
  overrides: Partial<Application> = {},
): Promise<Application> {
  const at = overrides.createdAt ?? "2026-11-10T09:00:00.000Z";
  serial += 1;
  const status = overrides.status ?? "submitted";
  const application: Application = {
    id: newId(),
    tenantId: tenant.id,
    roundId: made.round.id,
    schemeId: made.round.schemeId,
    associationId,
    formVersionId: made.form.id,
    reference: `2025-${String(serial).padStart(4, "0")}`,
    status,
    title: "Sommerlejr",
    amountRequested: 2_000_000,
    answers: TEST_ANSWERS,
    profile: null,
    reopened: [],
    language: "da",
    createdBy: null,
    createdAt: at,
    updatedBy: null,
    updatedAt: at,
    submittedBy: null,
    submittedAt: status === "draft" ? null : at,
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
    ...overrides,
  };
  await insertApplication(db, tenant.id, application);
  if (status !== "draft") await freezeFormVersion(db, tenant.id, made.form.id, at);
  return application;
}
