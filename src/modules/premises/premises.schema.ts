import { z } from "zod";
import { dateField, dateOrEmptyField } from "../../platform/dates.js";
import { ACCESSIBILITY } from "../../platform/search/labels.js";

const time = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "booking.time.invalid");

export const REPEATS = ["none", "weekly", "biweekly"] as const;

/** A booking request as the form sends it. */
export const bookingInput = z
  .object({
    /** Empty: a private person's booking, where the premise allows that. */
    associationId: z.string().trim().max(60),
    purpose: z.string().trim().min(3, "booking.purpose.required").max(200, "validation.tooLong"),
    participants: z.coerce.number("validation.number").int("validation.number").min(1, "validation.number").max(10_000, "validation.number"),
    date: dateField(),
    start: time,
    end: time,
    repeat: z.enum(REPEATS, "validation.invalid").default("none"),
    until: dateOrEmptyField().default(""),
  })
  .refine((b) => b.end > b.start, { path: ["end"], message: "booking.end.beforeStart" })
  .refine((b) => b.repeat === "none" || b.until > b.date, { path: ["until"], message: "booking.until.required" });
export type BookingInput = z.output<typeof bookingInput>;

/** "Tuesday 18–20, 25 people, step-free, near me." */
export const findInput = z.object({
  date: dateField().optional().catch(undefined),
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

export const PREMISE_KINDS = ["building", "room", "hall", "outdoor", "equipment"] as const;
const whole = (min: number, max: number) =>
  z.coerce.number("validation.number").int("validation.number").min(min, "validation.number").max(max, "validation.number");
const optionalWhole = (max: number) =>
  z
    .string()
    .trim()
    .refine((v) => v === "" || (/^\d+$/.test(v) && Number(v) <= max), "validation.number")
    .transform((v) => (v === "" ? null : Number(v)));
const text = (max: number) => z.string().trim().max(max, "validation.tooLong");

/** A building, room, hall, area or piece of equipment as staff describe it. */
export const premiseInput = z
  .object({
    name: z.string().trim().min(2, "premise.name.required").max(120, "validation.tooLong"),
    kind: z.enum(PREMISE_KINDS, "validation.invalid"),
    parentId: z
      .string()
      .trim()
      .max(60)
      .transform((v) => v || null),
    description: text(2000),
    address: text(200).transform((v) => v || null),
    postcode: z
      .string()
      .trim()
      .regex(/^(\d{4}( ?[A-Za-z]{2})?)?$/, "opportunity.postcode.invalid")
      .transform((v) => v || null),
    capacity: optionalWhole(100_000),
    sizeM2: optionalWhole(1_000_000),
    facilities: text(500),
    accessibility: z.array(z.enum(ACCESSIBILITY, "validation.invalid")).default([]),
    houseRules: text(2000),
    accessDetails: text(1000),
    bookable: z.literal("on").optional().transform(Boolean),
    whoMayBook: z.enum(["associations", "everyone"], "validation.invalid"),
    approval: z.enum(["auto", "manual"], "validation.invalid"),
    pricePerHour: z
      .string()
      .trim()
      .regex(/^\d{0,6}([.,]\d{1,2})?$/, "premise.price.invalid")
      .transform((v) => Math.round(Number((v || "0").replace(",", ".")) * 100)),
    minMinutes: whole(15, 1440),
    maxMinutes: whole(15, 1440),
    maxDaysAhead: whole(1, 1000),
    bufferMinutes: whole(0, 240),
    cancelHours: whole(0, 720),
  })
  .refine((p) => p.maxMinutes >= p.minMinutes, { path: ["maxMinutes"], message: "premise.maxMinutes.belowMin" });
export type PremiseInput = z.output<typeof premiseInput>;
export const PREMISE_LISTS = ["accessibility"];

/** Opening hours for each weekday; both empty means closed that day. */
export const hoursInput = z.object(
  Object.fromEntries(
    [1, 2, 3, 4, 5, 6, 7].flatMap((d) => [
      [
        `opens${d}`,
        z
          .string()
          .trim()
          .regex(/^(([01]\d|2[0-3]):[0-5]\d)?$/, "booking.time.invalid"),
      ],
      [
        `closes${d}`,
        z
          .string()
          .trim()
          .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)?$/, "booking.time.invalid"),
      ],
    ]),
  ) as Record<`opens${number}` | `closes${number}`, z.ZodString>,
);

export const closureInput = z
  .object({
    from: dateField(),
    to: dateField(),
    reason: z.string().trim().min(2, "premise.closure.reason").max(200, "validation.tooLong"),
  })
  .refine((c) => c.to >= c.from, { path: ["to"], message: "premise.closure.order" });

export const moveInput = z
  .object({
    date: dateField(),
    newDate: dateField(),
    start: time,
    end: time,
  })
  .refine((m) => m.end > m.start, { path: ["end"], message: "booking.end.beforeStart" });

export const roundInput = z
  .object({
    name: z.string().trim().min(3, "round.name.required").max(120, "validation.tooLong"),
    from: dateField(),
    to: dateField(),
  })
  .refine((r) => r.to > r.from, { path: ["to"], message: "premise.closure.order" });

const weekday = z.coerce.number("validation.invalid").int("validation.invalid").min(1, "validation.invalid").max(7, "validation.invalid");
const optionalTime = z
  .string()
  .trim()
  .regex(/^(([01]\d|2[0-3]):[0-5]\d)?$/, "booking.time.invalid")
  .transform((v) => v || null);

/** An association's wish for a weekly slot in a round. */
export const wishInput = z
  .object({
    associationId: z.string().trim().min(1, "booking.association.required"),
    purpose: z.string().trim().min(3, "booking.purpose.required").max(200, "validation.tooLong"),
    participants: z.coerce.number("validation.number").int("validation.number").min(1, "validation.number").max(10_000, "validation.number"),
    // No default: the association says what the time is for (a senior group must not go in as children's use).
    priority: z
      .string("round.priority.required")
      .trim()
      .min(1, "round.priority.required")
      .transform(Number)
      .pipe(z.union([z.literal(1), z.literal(2), z.literal(3)], "round.priority.required")),
    disabilityUse: z.literal("on").optional().transform(Boolean),
    minutes: z.coerce.number("validation.number").int("validation.number").min(30, "validation.number").max(480, "validation.number"),
    firstPremiseId: z.string().trim().min(1, "round.room.required"),
    firstWeekday: weekday,
    firstStart: time,
    secondPremiseId: z
      .string()
      .trim()
      .transform((v) => v || null),
    secondWeekday: z
      .string()
      .trim()
      .transform((v) => (v ? Number(v) : null))
      .pipe(z.number().int().min(1).max(7).nullable()),
    secondStart: optionalTime,
    windowFrom: optionalTime,
    windowTo: optionalTime,
  })
  .refine((w) => (!w.windowFrom && !w.windowTo) || (w.windowFrom && w.windowTo && w.windowTo > w.windowFrom), {
    path: ["windowTo"],
    message: "round.window.invalid",
  });

export const adjustInput = z.object({
  premiseId: z.string().trim().max(60),
  weekday: z.string().trim().max(1),
  start: optionalTime,
});

export const proposeInput = z
  .object({
    date: dateField(),
    start: time,
    end: time,
    note: z.string().trim().max(1000, "validation.tooLong").default(""),
  })
  .refine((m) => m.end > m.start, { path: ["end"], message: "booking.end.beforeStart" });

/** The dates a season's opening hours apply. */
export const seasonInput = z.object({ from: dateField(), to: dateField() }).refine((x) => x.to > x.from, { path: ["to"], message: "premise.closure.order" });
