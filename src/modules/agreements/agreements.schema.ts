import { z } from "zod";
import { dateField, optionalDateField } from "../../platform/dates.js";
import { checkbox, phoneNumber } from "../../platform/http/fields.js";
import type { LangTexts } from "./agreements.model.js";
import { STATUSES } from "./agreements.model.js";

const text = (max: number, required: string) => z.string().trim().min(1, required).max(max, "validation.tooLong");
const free = (max: number) => z.string().trim().max(max, "validation.tooLong").default("");

/** Parts of the form that repeat: the party rows and the linked grant schemes and premises. */
export const AGREEMENT_LISTS = ["party", "partyGives", "link"];

/** The agreement form. The party rows come as two lists side by side: the association and what it gives. */
export const agreementInput = z
  .object({
    title: text(160, "agreements.error.titleRequired"),
    purpose: text(4000, "agreements.error.purposeRequired"),
    // One of the tenant's levels, by id (the service finds it in the tenant's scale).
    level: z.string("agreements.error.level").trim().min(1, "agreements.error.level").max(80, "agreements.error.level"),
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
  level: z.string().trim().min(1).max(80).optional().catch(undefined),
  status: z.enum(STATUSES).optional().catch(undefined),
});

/** A level of the tenant's scale: its name and short description in each language (the service keeps the tenant's languages). */
export const levelInput = z
  .object({
    name_da: free(60),
    name_nb: free(60),
    name_nl: free(60),
    name_en: free(60),
    description_da: free(300),
    description_nb: free(300),
    description_nl: free(300),
    description_en: free(300),
  })
  .transform((v): { names: LangTexts; descriptions: LangTexts } => ({
    names: { da: v.name_da, nb: v.name_nb, nl: v.name_nl, en: v.name_en },
    descriptions: { da: v.description_da, nb: v.description_nb, nl: v.description_nl, en: v.description_en },
  }));
export type LevelInput = z.output<typeof levelInput>;

export const moveInput = z.object({ direction: z.enum(["up", "down"], "validation.invalid") });

/** Ending an agreement: the confirmation, the last day it ran, and a note on why. */
export const endInput = z.object({
  confirm: z.literal("yes", "validation.invalid"),
  endsOn: dateField(),
  endNote: free(2000),
});
