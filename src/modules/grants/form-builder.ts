import { audit } from "../../platform/audit/audit.js";
import { isoNow } from "../../platform/clock.js";
import { AppError, type FieldErrors, invalid, invalidField, notFound } from "../../platform/http/errors.js";
import { parseMoney } from "../../platform/http/fields.js";
import { type Lang, type MessageKey, translator } from "../../platform/i18n/i18n.js";
import { newId } from "../../platform/ids.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import { allFields, type FieldType, type FormDefinition, type FormField, type FormSection, formDefinition, type LocalText } from "./form.model.js";
import { applicationsByVersion } from "./form-builder.repository.js";
import type { FormVersion, Scheme } from "./grants.model.js";
import { keyFrom, schemeToManage } from "./schemes.js";
import * as repo from "./schemes.repository.js";
import type { FieldInput, SectionInput } from "./schemes.schema.js";
import { LABEL_MAX } from "./schemes.schema.js";

/** A text from the catalog in each of the tenant's languages. */
const inLanguages = (languages: Lang[], key: MessageKey): LocalText => Object.fromEntries(languages.map((l) => [l, translator(l)(key)]));

/** The form a new scheme starts with: the project, its budget, and attachments. */
export function defaultForm(languages: Lang[]): FormDefinition {
  const text = (key: MessageKey) => inLanguages(languages, key);
  const field = (key: string, type: FieldType, label: MessageKey, extra: Partial<FormField> = {}): FormField => ({
    key,
    type,
    label: text(label),
    help: {},
    required: false,
    choices: [],
    ...extra,
  });
  return {
    sections: [
      {
        key: "project",
        title: text("grants.defaultForm.project"),
        help: {},
        fields: [
          field("description", "longText", "grants.defaultForm.description", { required: true, max: 4000, help: text("grants.defaultForm.description.help") }),
          field("targetGroup", "longText", "grants.defaultForm.targetGroup", { required: true, max: 2000 }),
          field("startDate", "date", "grants.defaultForm.startDate", { required: true }),
          field("endDate", "date", "grants.defaultForm.endDate", { required: true }),
        ],
      },
      {
        key: "economy",
        title: text("grants.defaultForm.economy"),
        help: {},
        fields: [field("budget", "budget", "grants.defaultForm.budget", { required: true, help: text("grants.defaultForm.budget.help") })],
      },
      {
        key: "attachments",
        title: text("grants.defaultForm.attachments"),
        help: {},
        fields: [field("attachments", "file", "grants.defaultForm.files", { help: text("grants.defaultForm.files.help") })],
      },
    ],
  };
}

/**
 * The rules a form must keep besides its shape: keys unique, labels written in the tenant's own language
 * and short, a choice with two options or more, one budget table at most, and a condition that names an
 * earlier yes/no or choice field and one of its answers. Returns the broken rules by form field.
 */
export function definitionErrors(def: FormDefinition, lang: Lang): { key: string | null; field: string; message: MessageKey }[] {
  const out: { key: string | null; field: string; message: MessageKey }[] = [];
  if (!formDefinition.safeParse(def).success) out.push({ key: null, field: "_form", message: "validation.invalid" });
  const sectionKeys = new Set<string>();
  for (const s of def.sections) {
    if (sectionKeys.has(s.key)) out.push({ key: s.key, field: `title_${lang}`, message: "grants.form.duplicateKey" });
    sectionKeys.add(s.key);
  }
  const seen = new Map<string, FormField>();
  let budgets = 0;
  for (const f of allFields(def)) {
    if (seen.has(f.key)) out.push({ key: f.key, field: `label_${lang}`, message: "grants.form.duplicateKey" });
    if (!f.label[lang]?.trim()) out.push({ key: f.key, field: `label_${lang}`, message: "grants.form.labelRequired" });
    if (Object.values(f.label).some((l) => (l ?? "").length > LABEL_MAX)) out.push({ key: f.key, field: `label_${lang}`, message: "validation.tooLong" });
    if (f.type === "choice" && f.choices.length < 2) out.push({ key: f.key, field: `choices_${lang}`, message: "grants.form.twoChoices" });
    if (f.type === "budget" && ++budgets > 1) out.push({ key: f.key, field: "type", message: "grants.form.oneBudget" });
    if (f.showIf) {
      const source = seen.get(f.showIf.field);
      const answers = source?.type === "yesNo" ? ["yes", "no"] : source?.type === "choice" ? source.choices.map((c) => c.key) : [];
      if (!source || !answers.includes(f.showIf.equals)) out.push({ key: f.key, field: "showIf", message: "grants.form.showIfEarlier" });
    }
    seen.set(f.key, f);
  }
  return out;
}

export interface Builder {
  scheme: Scheme;
  version: FormVersion;
  /** Applications made on each version that has any. */
  uses: { version: number; count: number }[];
}

async function latest(ctx: ServiceContext, scheme: Scheme): Promise<FormVersion> {
  const version = await repo.latestFormVersion(ctx.db, ctx.tenant.id, scheme.id);
  if (version) return version;
  // A scheme made before forms were kept gets the default form as its first version.
  const first = { id: newId(), schemeId: scheme.id, version: 1, definition: defaultForm(ctx.tenant.languages), createdAt: isoNow(ctx.clock), frozenAt: null };
  await repo.insertFormVersion(ctx.db, ctx.tenant.id, first, ctx.actor.kind === "person" ? ctx.actor.userId : null);
  return first;
}

export async function formBuilder(ctx: ServiceContext, schemeId: string): Promise<Builder> {
  const scheme = await schemeToManage(ctx, schemeId);
  const [version, uses] = await Promise.all([latest(ctx, scheme), applicationsByVersion(ctx.db, ctx.tenant.id, scheme.id)]);
  return { scheme, version, uses };
}

/**
 * Writes the changed form: in place while nobody has applied on the version, else as the next version
 * (applications keep the version they were made on). Nothing is written when a rule is broken.
 */
async function saveDefinition(ctx: ServiceContext, b: Builder, def: FormDefinition, fieldKey: string | null): Promise<FormVersion> {
  const lang = ctx.tenant.defaultLanguage;
  const broken = definitionErrors(def, lang).filter((e) => fieldKey === null || e.key === null || e.key === fieldKey);
  const all = definitionErrors(def, lang);
  const errors = broken.length > 0 ? broken : all;
  if (errors.length > 0) {
    const fields: FieldErrors = {};
    for (const e of errors) fields[e.field] ??= e.message;
    throw invalid(fields, errors[0]?.message);
  }
  return inTransaction(ctx, async (tx) => {
    const userId = ctx.actor.kind === "person" ? ctx.actor.userId : null;
    const inPlace = b.version.frozenAt === null && (await repo.updateOpenFormVersion(tx.db, tx.tenant.id, b.version.id, def));
    const saved: FormVersion = inPlace
      ? { ...b.version, definition: def }
      : { id: newId(), schemeId: b.scheme.id, version: b.version.version + 1, definition: def, createdAt: isoNow(ctx.clock), frozenAt: null };
    if (!inPlace) await repo.insertFormVersion(tx.db, tx.tenant.id, saved, userId);
    await audit(tx, "grants.form_changed", { type: "grant_scheme", id: b.scheme.id }, { version: saved.version });
    return saved;
  });
}

/** The texts written per language, only the tenant's languages and only those filled in. */
function local(ctx: ServiceContext, sent: object, name: string): LocalText {
  const input = sent as Record<string, unknown>;
  return Object.fromEntries(ctx.tenant.languages.map((l) => [l, String(input[`${name}_${l}`] ?? "").trim()]).filter(([, v]) => v));
}

const CONDITION = /^([a-z][a-zA-Z0-9]{0,39})=([a-zA-Z0-9]{1,40})$/;

/** The field as the builder's form describes it; a new field gets a key from its label. */
function fieldFrom(ctx: ServiceContext, input: FieldInput, def: FormDefinition, before: FormField | null): FormField {
  const lang = ctx.tenant.defaultLanguage;
  const label = local(ctx, input, "label");
  if (!label[lang]) throw invalidField(`label_${lang}`, "grants.form.labelRequired");
  const taken = allFields(def).map((f) => f.key);
  const key = before?.key ?? keyFrom(label[lang] ?? "", taken);
  const choiceLines = local(ctx, input, "choices");
  const linesOf = (l: Lang) =>
    (choiceLines[l] ?? "")
      .replace(/\r/g, "")
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean);
  const lines = linesOf(lang);
  const translated = ctx.tenant.languages.filter((l) => l !== lang && choiceLines[l]);
  for (const l of translated) if (input.type === "choice" && linesOf(l).length !== lines.length) throw invalidField(`choices_${l}`, "grants.form.choicesCount");
  const usedChoiceKeys: string[] = [];
  const choices =
    input.type === "choice"
      ? lines.map((line, i) => {
          const old = before?.choices.find((c) => c.label[lang] === line);
          const k = old && !usedChoiceKeys.includes(old.key) ? old.key : keyFrom(line, usedChoiceKeys, "option");
          usedChoiceKeys.push(k);
          return { key: k, label: { [lang]: line, ...Object.fromEntries(translated.map((l) => [l, linesOf(l)[i] as string])) } };
        })
      : [];
  let max: number | undefined;
  if (input.max && ["text", "longText", "number", "amount"].includes(input.type)) {
    const n = input.type === "amount" ? parseMoney(input.max) : Number(input.max.replace(/[.\s]/g, ""));
    if (n === null || !Number.isSafeInteger(n) || n <= 0) throw invalidField("max", "validation.number");
    max = n;
  }
  const condition = CONDITION.exec(input.showIf);
  if (input.showIf && !condition) throw invalidField("showIf", "grants.form.showIfEarlier");
  return {
    key,
    type: input.type,
    label,
    help: local(ctx, input, "help"),
    required: input.required,
    ...(max ? { max } : {}),
    choices,
    ...(condition ? { showIf: { field: condition[1] as string, equals: condition[2] as string } } : {}),
  };
}

const sectionOf = (def: FormDefinition, key: string) => {
  const section = def.sections.find((s) => s.key === key);
  if (!section) throw notFound();
  return section;
};

const withSections = (def: FormDefinition, sections: FormSection[]): FormDefinition => ({ ...def, sections });

export async function addField(ctx: ServiceContext, schemeId: string, input: FieldInput): Promise<FormVersion> {
  const b = await formBuilder(ctx, schemeId);
  const def = b.version.definition;
  const section = input.section ? sectionOf(def, input.section) : def.sections.at(-1);
  if (!section) throw invalidField("section", "grants.form.sectionFirst");
  const field = fieldFrom(ctx, input, def, null);
  const sections = def.sections.map((s) => (s.key === section.key ? { ...s, fields: [...s.fields, field] } : s));
  return saveDefinition(ctx, b, withSections(def, sections), field.key);
}

export async function changeField(ctx: ServiceContext, schemeId: string, key: string, input: FieldInput): Promise<FormVersion> {
  const b = await formBuilder(ctx, schemeId);
  const def = b.version.definition;
  const before = allFields(def).find((f) => f.key === key);
  if (!before) throw notFound();
  const field = fieldFrom(ctx, input, def, before);
  const sections = def.sections.map((s) => ({ ...s, fields: s.fields.map((f) => (f.key === key ? field : f)) }));
  return saveDefinition(ctx, b, withSections(def, sections), key);
}

export async function addSection(ctx: ServiceContext, schemeId: string, input: SectionInput): Promise<FormVersion> {
  const b = await formBuilder(ctx, schemeId);
  const def = b.version.definition;
  const title = local(ctx, input, "title");
  const lang = ctx.tenant.defaultLanguage;
  if (!title[lang]) throw invalidField(`title_${lang}`, "grants.form.titleRequired");
  const key = keyFrom(
    title[lang] ?? "",
    def.sections.map((s) => s.key),
    "section",
  );
  return saveDefinition(ctx, b, withSections(def, [...def.sections, { key, title, help: local(ctx, input, "help"), fields: [] }]), null);
}

export async function changeSection(ctx: ServiceContext, schemeId: string, key: string, input: SectionInput): Promise<FormVersion> {
  const b = await formBuilder(ctx, schemeId);
  const def = b.version.definition;
  sectionOf(def, key);
  const title = local(ctx, input, "title");
  if (!title[ctx.tenant.defaultLanguage]) throw invalidField(`title_${ctx.tenant.defaultLanguage}`, "grants.form.titleRequired");
  const sections = def.sections.map((s) => (s.key === key ? { ...s, title, help: local(ctx, input, "help") } : s));
  return saveDefinition(ctx, b, withSections(def, sections), null);
}

const swap = <T>(list: T[], i: number, j: number): T[] => {
  if (i < 0 || j < 0 || i >= list.length || j >= list.length) return list;
  const out = [...list];
  [out[i], out[j]] = [out[j] as T, out[i] as T];
  return out;
};

/** Moves a field one place (into the neighbouring section at a section's edge), or a section; removes one. */
export function applyOp(def: FormDefinition, op: string, key: string): FormDefinition {
  const sections = def.sections.map((s) => ({ ...s, fields: [...s.fields] }));
  if (op.startsWith("section")) {
    const i = sections.findIndex((s) => s.key === key);
    if (i < 0) throw notFound();
    if (op === "sectionRemove") {
      if ((sections[i]?.fields.length ?? 0) > 0) throw invalidField("op", "grants.form.sectionNotEmpty");
      return withSections(
        def,
        sections.filter((_, n) => n !== i),
      );
    }
    return withSections(def, swap(sections, i, op === "sectionUp" ? i - 1 : i + 1));
  }
  const si = sections.findIndex((s) => s.fields.some((f) => f.key === key));
  const section = sections[si];
  if (!section) throw notFound();
  const fi = section.fields.findIndex((f) => f.key === key);
  const field = section.fields[fi] as FormField;
  if (op === "fieldRemove") {
    if (allFields(def).some((f) => f.showIf?.field === key)) throw invalidField("op", "grants.form.fieldInUse");
    section.fields.splice(fi, 1);
    return withSections(def, sections);
  }
  const up = op === "fieldUp";
  const j = up ? fi - 1 : fi + 1;
  if (j >= 0 && j < section.fields.length) section.fields = swap(section.fields, fi, j);
  else {
    const next = sections[up ? si - 1 : si + 1];
    if (!next) return def;
    section.fields.splice(fi, 1);
    if (up) next.fields.push(field);
    else next.fields.unshift(field);
  }
  return withSections(def, sections);
}

export async function builderAction(ctx: ServiceContext, schemeId: string, op: string, key: string): Promise<FormVersion> {
  const b = await formBuilder(ctx, schemeId);
  const def = applyOp(b.version.definition, op, key);
  if (def === b.version.definition) return b.version;
  const broken = definitionErrors(def, ctx.tenant.defaultLanguage);
  if (broken.some((e) => e.message === "grants.form.showIfEarlier")) throw invalidField("op", "grants.form.moveBreaksCondition");
  return saveDefinition(ctx, b, def, null);
}

/** The fields a field may depend on: yes/no and choice fields before it (or before the end of the section a new one goes into). */
export function conditionSources(def: FormDefinition, before: { fieldKey?: string; sectionKey?: string }): FormField[] {
  const out: FormField[] = [];
  for (const s of def.sections) {
    for (const f of s.fields) {
      if (f.key === before.fieldKey) return out;
      if (f.type === "yesNo" || f.type === "choice") out.push(f);
    }
    if (s.key === before.sectionKey) return out;
  }
  return out;
}

export const isBuilderError = (e: unknown): e is AppError => e instanceof AppError && e.status === 422;
