import { z } from "zod";
import { dateField, optionalDateField } from "../../platform/dates.js";
import { checkbox, phoneNumber } from "../../platform/http/fields.js";
import { LEVELS, STATUSES } from "./agreements.model.js";

const text = (max: number, required: string) => z.string().trim().min(1, required).max(max, "validation.tooLong");
const free = (max: number) => z.string().trim().max(max, "validation.tooLong").default("");

/** Parts of the form that repeat: the party rows and the linked grant schemes and premises. */
export const AGREEMENT_LISTS = ["party", "partyGives", "link"];

/** The agreement form. The party rows come as two lists side by side: the association and what it gives. */
export const agreementInput = z
  .object({
    title: text(160, "agreements.error.titleRequired"),
    purpose: text(4000, "agreements.error.purposeRequired"),
    level: z.enum(LEVELS, "agreements.error.level"),
    status: z.enum(STATUSES, "validation.invalid").default("draft"),
    municipalUnit: text(160, "agreements.error.unitRequired"),
    municipalityGives: free(2000),
    party: z.array(z.string().trim().max(60, "validation.invalid")).max(10, "validation.invalid").default([]),
    partyGives: z.array(z.string().trim().max(2000, "validation.tooLong")).max(10, "validation.invalid").default([]),
    startsOn: dateField(),
    endsOn: optionalDateField(),
    isPublic: checkbox,
    contactName: free(120),
    contactEmail: z
      .string()
      .trim()
      .max(254, "validation.email")
      .refine((v) => v === "" || z.email().safeParse(v).success, "validation.email")
      .transform((v) => v.toLowerCase()),
    contactPhone: phoneNumber().transform((v) => v ?? ""),
    notes: free(4000),
    link: z.array(z.string().trim().max(80, "validation.invalid")).max(100, "validation.invalid").default([]),
  })
  .superRefine((v, ctx) => {
    if (v.endsOn && v.startsOn && v.endsOn < v.startsOn) ctx.addIssue({ code: "custom", path: ["endsOn"], message: "agreements.error.endBeforeStart" });
    if (!v.party.some((p) => p !== "")) ctx.addIssue({ code: "custom", path: ["party"], message: "agreements.error.partyRequired" });
  })
  .transform((v) => {
    const rows = v.party.map((associationId, i) => ({ associationId, gives: v.partyGives[i] ?? "" })).filter((r) => r.associationId !== "");
    return { ...v, parties: rows };
  });
export type AgreementInput = z.output<typeof agreementInput>;

export const manageQuery = z.object({
  level: z.enum(LEVELS).optional().catch(undefined),
  status: z.enum(STATUSES).optional().catch(undefined),
});
