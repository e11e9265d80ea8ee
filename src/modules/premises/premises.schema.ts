import { z } from "zod";

const date = (message: "validation.date") =>
  z
    .string()
    .trim()
    .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)), message);
const time = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "booking.time.invalid");

export const REPEATS = ["none", "weekly", "biweekly"] as const;

/** A booking request as the form sends it. */
export const bookingInput = z
  .object({
    associationId: z.string().trim().min(1, "booking.association.required"),
    purpose: z.string().trim().min(3, "booking.purpose.required").max(200, "validation.tooLong"),
    participants: z.coerce.number("validation.number").int("validation.number").min(1, "validation.number").max(10_000, "validation.number"),
    date: date("validation.date"),
    start: time,
    end: time,
    repeat: z.enum(REPEATS, "validation.invalid").default("none"),
    until: z
      .string()
      .trim()
      .refine((v) => v === "" || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))), "validation.date")
      .default(""),
  })
  .refine((b) => b.end > b.start, { path: ["end"], message: "booking.end.beforeStart" })
  .refine((b) => b.repeat === "none" || b.until > b.date, { path: ["until"], message: "booking.until.required" });
export type BookingInput = z.output<typeof bookingInput>;

/** "Tuesday 18–20, 25 people, step-free, near me." */
export const findInput = z.object({
  date: date("validation.date").optional().catch(undefined),
  start: time.optional().catch(undefined),
  end: time.optional().catch(undefined),
  people: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
  stepFree: z.literal("on").optional().catch(undefined),
  near: z.string().trim().max(10).optional().catch(undefined),
});
export type FindInput = z.output<typeof findInput>;

export const decisionInput = z.object({
  ids: z.array(z.string().trim().min(1).max(60)).min(1, "booking.decide.choose").max(200),
  decision: z.enum(["approve", "reject"], "validation.invalid"),
  note: z.string().trim().max(1000, "validation.tooLong").default(""),
});
export const DECISION_LISTS = ["ids"];

export const cancelInput = z.object({
  /** Cancel one date, this date and the rest of the series, or the whole booking. */
  scope: z.enum(["one", "rest", "all"], "validation.invalid"),
  date: z.string().trim().max(10).default(""),
});
