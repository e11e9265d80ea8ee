import { z } from "zod";
import { dateField } from "../../platform/dates.js";
import { SHARE_FIELDS } from "./bridge.model.js";

const id = z.string().trim().min(1, "validation.invalid").max(64, "validation.invalid");
const PICK_KINDS = ["offer", "opportunity", "event", "association"] as const;

/** The suggestions page's buttons: add a pick, or the person's choice of one. */
export const pickInput = z.discriminatedUnion(
  "action",
  [
    z.object({
      action: z.literal("add"),
      kind: z.enum(PICK_KINDS, "bridge.pick.unknown"),
      targetId: id,
      pickedBy: z.enum(["matching", "builder"], "validation.invalid").default("builder"),
    }),
    z.object({ action: z.literal("choose"), pickId: id }),
    z.object({ action: z.literal("unchoose"), pickId: id }),
  ],
  "validation.invalid",
);
export type PickInput = z.output<typeof pickInput>;

/** Sending the referral for a chosen pick with the fields ticked, or taking back one sent. */
export const handoverInput = z.discriminatedUnion(
  "action",
  [
    z.object({
      action: z.literal("send"),
      pickId: z.string("bridge.handover.pickRequired").trim().min(1, "bridge.handover.pickRequired").max(64, "validation.invalid"),
      fields: z.array(z.enum(SHARE_FIELDS, "validation.invalid")).default([]),
    }),
    z.object({
      action: z.literal("preview"),
      pickId: z.string().trim().max(64, "validation.invalid").optional(),
      fields: z.array(z.enum(SHARE_FIELDS, "validation.invalid")).default([]),
    }),
    z.object({ action: z.literal("withdraw"), referralId: id }),
  ],
  "validation.invalid",
);
export type HandoverInput = z.output<typeof handoverInput>;
export const HANDOVER_LISTS = ["fields"];

export const declineInput = z.object({
  reason: z.string().trim().min(1, "bridge.referral.reasonRequired").max(1000, "validation.tooLong"),
});

export const meetingInput = z.object({
  date: dateField(),
  time: z
    .string()
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "bridge.referral.timeInvalid"),
  place: z.string().trim().min(1, "bridge.referral.placeRequired").max(200, "validation.tooLong"),
});

export const welcomeInput = z.object({ done: z.array(z.coerce.number().int().min(0).max(99)).default([]) });
export const WELCOME_LISTS = ["done"];

export const metInput = z.object({ metOn: dateField() });
