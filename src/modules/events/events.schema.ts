import { z } from "zod";
import { email } from "../../platform/auth/auth.schema.js";
import { parseDate } from "../../platform/dates.js";
import { postcodeText, webAddress } from "../../platform/http/fields.js";
import { LANGUAGES } from "../../platform/i18n/i18n.js";
import { ACCESSIBILITY } from "../../platform/search/labels.js";
import { instantOf } from "../../platform/time/recurrence.js";
import { EVENT_KINDS, PLACES } from "./events.model.js";

/** Rows the form shows without JavaScript; blank rows are ignored. */
export const SESSION_ROWS = 6;
export const QUESTION_ROWS = 5;
export const MAX_QUESTIONS = 5;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "validation.tooLong")
    .transform((v) => v || null);

const whole = (min: number, max: number) =>
  z.coerce.number("validation.number").int("validation.number").min(min, "validation.number").max(max, "validation.number");

/** A sum as people type it ("150", "150,50", "150.50"), in minor units; empty is 0. The same rule as a premise's price. */
const amountField = z
  .string()
  .trim()
  .regex(/^\d{0,6}([.,]\d{1,2})?$/, "eventForm.amount.invalid")
  .transform((v) => Math.round(Number((v || "0").replace(",", ".")) * 100));

const list = z.array(z.string().trim().max(500)).default([]);

/** The form's rows as sent: the same index in each list is one row. */
const rows = {
  sessionId: list,
  sessionDate: list,
  sessionStart: list,
  sessionEnd: list,
  questionId: list,
  questionLabel: list,
  questionSensitive: list,
};

/** The fields of the form that come as lists (checkboxes and repeated rows). */
export const EVENT_LISTS = ["targetGroups", "languages", "accessibility", ...Object.keys(rows)];

export interface SessionInput {
  /** The stored session this row edits, so its attendance stays with it. */
  id: string | null;
  date: string;
  start: string;
  end: string;
  /** The row in the form, for its error. */
  row: number;
}

export interface QuestionInput {
  id: string | null;
  label: string;
  sensitive: boolean;
}

/**
 * An event as its organiser describes it. Sessions and questions come as rows; empty rows are dropped.
 * The times are local to the tenant (`toInstants` turns them into UTC); the rules that need the clock or
 * the registrations (a past date, capacity below those registered) are the use cases'.
 */
export const eventInput = z
  .object({
    /** "centre", "municipality" or the id of the organising association. */
    organiser: z.string().trim().min(1, "eventForm.organiser.required").max(60),
    kind: z.enum(EVENT_KINDS as [string, ...string[]], "validation.invalid").transform((v) => v as (typeof EVENT_KINDS)[number]),
    title: z.string().trim().min(3, "eventForm.title.required").max(120, "validation.tooLong"),
    description: z.string().trim().min(20, "eventForm.description.required").max(6000, "validation.tooLong"),
    categoryId: optional(60),
    targetGroups: z.array(z.string().trim().min(1).max(80)).max(20).default([]),
    languages: z.array(z.enum(LANGUAGES, "validation.invalid")).default([]),
    accessibility: z.array(z.enum(ACCESSIBILITY, "validation.invalid")).default([]),
    place: z.enum(PLACES, "validation.invalid"),
    premiseId: optional(60),
    /** Book the premise for the event's sessions (the premises module's rules decide). */
    bookRoom: z
      .string()
      .optional()
      .transform((v) => v === "on"),
    placeName: optional(200),
    address: optional(200),
    postcode: postcodeText("opportunity.postcode.invalid").transform((v) => v || null),
    onlineUrl: webAddress("eventForm.onlineUrl.invalid"),
    price: z.enum(["free", "cost"], "validation.invalid"),
    amount: amountField,
    capacity: whole(1, 100_000),
    maxPerRegistration: whole(1, 10),
    opensDate: z.string().trim().max(10).default(""),
    opensTime: z.string().trim().max(5).default(""),
    closesDate: z.string().trim().max(10).default(""),
    closesTime: z.string().trim().max(5).default(""),
    contactEmail: email,
    /** Staff only: "" is open to everyone, else the member group whose members alone may register. Absent: kept as it was. */
    memberGroupId: z.string().trim().max(64, "eventForm.memberGroup.unknown").optional(),
    ...rows,
  })
  .superRefine((e, ctx) => {
    const fail = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (e.place === "premise" && !e.premiseId) fail("premiseId", "eventForm.premise.required");
    if (e.place === "address" && !e.address) fail("address", "eventForm.address.required");
    if (e.place === "online" && !e.onlineUrl) fail("onlineUrl", "eventForm.onlineUrl.required");
    if (e.price === "cost" && e.amount <= 0) fail("amount", "eventForm.amount.required");
    for (const [date, time, field] of [
      [e.opensDate, e.opensTime, "opensDate"],
      [e.closesDate, e.closesTime, "closesDate"],
    ] as const) {
      if ((date || time) && !parseDate(date)) fail(field, "validation.date");
      if (time && !TIME.test(time)) fail(field.replace("Date", "Time"), "eventForm.time.invalid");
    }
    let sessions = 0;
    e.sessionDate.forEach((_, i) => {
      const [date, start, end] = [e.sessionDate[i] ?? "", e.sessionStart[i] ?? "", e.sessionEnd[i] ?? ""];
      if (!date && !start && !end) return;
      sessions++;
      const n = i + 1;
      if (!parseDate(date)) fail(`sessionDate-${n}`, "validation.date");
      else if (!TIME.test(start)) fail(`sessionStart-${n}`, "eventForm.time.invalid");
      else if (!TIME.test(end)) fail(`sessionEnd-${n}`, "eventForm.time.invalid");
      else if (end <= start) fail(`sessionEnd-${n}`, "eventForm.end.beforeStart");
    });
    if (sessions === 0) fail("sessionDate-1", "eventForm.sessions.required");
    if (e.questionLabel.filter((q) => q.trim()).length > MAX_QUESTIONS) fail("questionLabel-1", "eventForm.questions.tooMany");
    if (e.questionLabel.some((q) => q.length > 200)) fail("questionLabel-1", "validation.tooLong");
  })
  .transform(({ sessionId, sessionDate, sessionStart, sessionEnd, questionId, questionLabel, questionSensitive, ...e }) => ({
    ...e,
    sessions: sessionDate
      .map((date, i): SessionInput => ({ id: sessionId[i] || null, date, start: sessionStart[i] ?? "", end: sessionEnd[i] ?? "", row: i + 1 }))
      .filter((s) => s.date || s.start || s.end),
    questions: questionLabel
      .map((label, i): QuestionInput => ({ id: questionId[i] || null, label: label.trim(), sensitive: questionSensitive.includes(String(i + 1)) }))
      .filter((q) => q.label),
    registrationOpens: e.opensDate ? { date: e.opensDate, time: e.opensTime || "00:00" } : null,
    registrationCloses: e.closesDate ? { date: e.closesDate, time: e.closesTime || "23:59" } : null,
  }));
export type EventInput = z.output<typeof eventInput>;

/** The event's times as instants: each session, and the registration window. */
export function toInstants(input: Pick<EventInput, "sessions" | "registrationOpens" | "registrationCloses">, zone: string) {
  const sessions = input.sessions
    .map((s) => ({ id: s.id, row: s.row, startsAt: instantOf(s.date, s.start, zone), endsAt: instantOf(s.date, s.end, zone) }))
    .sort((a, b) => (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : 0));
  const at = (w: { date: string; time: string } | null) => (w ? instantOf(w.date, w.time, zone) : null);
  return { sessions, opensAt: at(input.registrationOpens), closesAt: at(input.registrationCloses) };
}

/** A staff decision on an association's event; a note is needed to say no. */
export const eventDecisionInput = z.object({
  decision: z.enum(["approve", "reject"], "validation.invalid"),
  note: z.string().trim().max(1000, "validation.tooLong").default(""),
});
