import { describe, expect, it } from "vitest";
import { TEST_ANSWERS, TEST_FORM } from "../../../test/factories/grants.factory.js";
import { answerValues, completeness, type Posted, parseApplication } from "./answers.js";
import type { FormDefinition } from "./form.model.js";

const money = (minor: number) => `${minor / 100} kr.`;
const base = { lang: "da" as const, maxAmount: 5_000_000, money };

/** A filled form as the browser posts it. */
const filled = (over: Posted = {}): Posted => ({
  title: "Sommerlejr",
  amount: "20.000",
  "a.summary": "Sommerlejr for børn i boligområdet.",
  "a.participants": "40",
  "a.partner": "no",
  "a.partnerName": "",
  "a.startOn": "",
  "a.budget.cost.label[]": ["Transport", "Mad", ""],
  "a.budget.cost.amount[]": ["10.000", "20.000", ""],
  "a.budget.income.label[]": ["Egenbetaling", ""],
  "a.budget.income.amount[]": ["10.000", ""],
  ...over,
});

describe("reading an application's answers against its form", () => {
  it("reads a complete application: sums in minor units, yes/no as booleans, empty budget rows dropped", () => {
    const r = parseApplication(TEST_FORM, filled(), { ...base, mode: "submit" });
    expect(r.errors).toEqual({});
    expect(r.title).toBe("Sommerlejr");
    expect(r.amountRequested).toBe(2_000_000);
    expect(r.answers).toMatchObject(TEST_ANSWERS);
  });

  it("in a draft keeps a sum it cannot read as it was typed, and still reports it", () => {
    const r = parseApplication(TEST_FORM, filled({ amount: "20.000,,5", "a.participants": "fyrre" }), { ...base, mode: "draft" });
    expect(r.errors.amount).toBe("grants.apply.amount.invalid");
    expect(r.errors["a.participants"]).toMatchObject({ key: "grants.answer.number" });
    expect(r.amountRequested).toBeNull();
    const values = answerValues(TEST_FORM, r.answers, { title: r.title, amountRequested: 0, lang: "da" });
    expect(values.amount).toBe("20.000,,5");
    expect(values["a.participants"]).toBe("fyrre");
    expect(values["a.summary"]).toBe("Sommerlejr for børn i boligområdet.");
  });

  it("keeps a budget row with a bad sum as typed in a draft", () => {
    const r = parseApplication(TEST_FORM, filled({ "a.budget.cost.amount[]": ["ti tusind", "20.000", ""] }), { ...base, mode: "draft" });
    expect(r.errors["a.budget"]).toMatchObject({ key: "grants.answer.budgetAmount" });
    const values = answerValues(TEST_FORM, r.answers, { title: r.title, amountRequested: 2_000_000, lang: "da" });
    expect(values["a.budget.cost.amount[]"]).toEqual(["ti tusind", "20.000"]);
    expect(completeness(TEST_FORM, r.answers, { title: "x", amountRequested: 2_000_000, lang: "da", money })["a.budget"]).toBeDefined();
  });

  it("asks for the required fields that are shown, and for the one a condition shows", () => {
    const r = parseApplication(TEST_FORM, { title: "", amount: "" }, { ...base, mode: "submit" });
    expect(Object.keys(r.errors).sort()).toEqual(["a.budget", "a.participants", "a.partner", "a.summary", "amount", "title"]);
    const partner = parseApplication(TEST_FORM, filled({ "a.partner": "yes" }), { ...base, mode: "submit" });
    expect(partner.errors).toEqual({ "a.partnerName": { key: "grants.answer.required", values: { label: "Hvem samarbejder I med?" } } });
  });

  it("refuses a budget that does not sum, naming the three figures", () => {
    const r = parseApplication(TEST_FORM, filled({ amount: "15.000" }), { ...base, mode: "submit" });
    expect(r.errors["a.budget"]).toEqual({
      key: "grants.answer.budgetSum",
      values: { cost: "30000 kr.", income: "10000 kr.", applied: "15000 kr." },
    });
  });

  it("refuses a sum over the scheme's maximum and a budget line with a sum but no label", () => {
    const r = parseApplication(TEST_FORM, filled({ amount: "60.000", "a.budget.income.label[]": ["", ""] }), { ...base, mode: "submit" });
    expect(r.errors.amount).toEqual({ key: "grants.apply.amount.tooHigh", values: { max: "50000 kr." } });
    expect(r.errors["a.budget"]).toMatchObject({ key: "grants.answer.budgetLabel" });
  });

  it("refuses a text over its length, an impossible date, a choice not offered", () => {
    const form: FormDefinition = {
      sections: [
        {
          key: "s",
          title: { da: "S" },
          help: {},
          fields: [
            { key: "name", type: "text", label: { da: "Navn" }, help: {}, required: false, choices: [] },
            { key: "short", type: "text", label: { da: "Kort" }, help: {}, required: false, max: 5, choices: [] },
            { key: "on", type: "date", label: { da: "Dato" }, help: {}, required: false, choices: [] },
            { key: "kind", type: "choice", label: { da: "Slags" }, help: {}, required: false, choices: [{ key: "a", label: { da: "A" } }] },
            { key: "fee", type: "amount", label: { da: "Gebyr" }, help: {}, required: false, max: 100_00, choices: [] },
          ],
        },
      ],
    };
    const r = parseApplication(
      form,
      { "a.name": "x".repeat(501), "a.short": "seks t", "a.on": "2027-02-30", "a.kind": "b", "a.fee": "101" },
      { ...base, mode: "draft" },
    );
    expect(r.errors).toMatchObject({
      "a.name": { key: "grants.answer.tooLong", values: { max: 500 } },
      "a.short": { key: "grants.answer.tooLong", values: { max: 5 } },
      "a.on": { key: "grants.answer.date" },
      "a.kind": { key: "grants.answer.choice" },
      "a.fee": { key: "grants.answer.moneyTooHigh" },
    });
    const ok = parseApplication(form, { "a.name": "x".repeat(500), "a.on": "2028-02-29", "a.kind": "a", "a.fee": "100" }, { ...base, mode: "draft" });
    expect(ok.errors).toEqual({});
    expect(ok.answers).toMatchObject({ on: "2028-02-29", kind: "a", fee: 10_000 });
  });

  it("reads only the fields a question reopened, keeping the rest as they were", () => {
    const r = parseApplication(
      TEST_FORM,
      { "a.summary": "Ny beskrivelse", "a.participants": "9999" },
      {
        ...base,
        mode: "submit",
        only: ["summary"],
        previous: TEST_ANSWERS,
      },
    );
    expect(r.errors).toEqual({});
    expect(r.answers).toMatchObject({ ...TEST_ANSWERS, summary: "Ny beskrivelse" });
  });

  it("writes kept answers back into the inputs", () => {
    const values = answerValues(TEST_FORM, TEST_ANSWERS, { title: "T", amountRequested: 2_000_050, lang: "da" });
    expect(values).toMatchObject({ amount: "20000,50", "a.partner": "no", "a.participants": "40", "a.budget.cost.amount[]": ["10000", "20000"] });
  });
});
