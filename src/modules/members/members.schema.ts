import { z } from "zod";
import { dateField, optionalDateField } from "../../platform/dates.js";
import { FEE_STATUSES, MEMBERSHIP_TYPES } from "./members.model.js";

const id = z.string().trim().max(64, "validation.invalid");

export const groupInput = z.object({
  name: z.string().trim().min(1, "members.group.name.required").max(120, "validation.tooLong"),
});
export type GroupInput = z.output<typeof groupInput>;

const memberFields = {
  membershipType: z.enum(MEMBERSHIP_TYPES, "members.type.required"),
  joinedOn: dateField(),
  groups: z.array(id).max(50, "validation.invalid").default([]),
};

export const newMemberInput = z.object({ associationId: id.min(1, "members.association.required"), ...memberFields });
export type NewMemberInput = z.output<typeof newMemberInput>;

export const memberInput = z.object({ ...memberFields, leftOn: optionalDateField() });
export type MemberInput = z.output<typeof memberInput>;

export const feeInput = z.object({
  year: z.coerce.number("validation.invalid").int("validation.invalid").min(2000, "validation.invalid").max(2100, "validation.invalid"),
  status: z.enum(FEE_STATUSES, "validation.invalid"),
});
export type FeeInput = z.output<typeof feeInput>;

export const memberFilterInput = z.object({
  group: id.default(""),
  type: z.enum(MEMBERSHIP_TYPES).or(z.literal("")).catch(""),
  status: z.enum(["current", "left", "all"]).catch("current"),
});
