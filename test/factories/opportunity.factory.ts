import type { Database } from "../../src/db/database.js";
import { opportunityDocument } from "../../src/modules/opportunities/index.js";
import type { Commitment, Opportunity, Setting } from "../../src/modules/opportunities/opportunities.model.js";
import { insertOpportunity } from "../../src/modules/opportunities/opportunities.repository.js";
import { terms } from "../../src/modules/taxonomy/index.js";
import { newId } from "../../src/platform/ids.js";
import { putDocument } from "../../src/platform/search/documents.js";
import type { TenantFixture } from "../harness.js";

export interface JobOverrides {
  title: string;
  /** A category's code. */
  category?: string;
  postcode?: string | null;
  place?: string | null;
  remote?: boolean;
  publishedAt?: string;
  expiresOn?: string;
  tasks?: string;
  slots?: string[];
  setting?: Setting;
  stepFree?: boolean;
  suits?: string[];
  languages?: string[];
  commitment?: Commitment;
  contactEmail?: string;
}

/** A published job, written as the opportunities service would leave it (search document included). */
export async function buildPublishedJob(db: Database, tenant: TenantFixture, association: { id: string; name: string }, input: JobOverrides) {
  const at = input.publishedAt ?? "2026-11-20T09:00:00.000Z";
  const version = async () =>
    (await db.selectFrom("tenants").select("settings_version").where("id", "=", tenant.id).executeTakeFirstOrThrow()).settings_version;
  const category = input.category
    ? (await terms(db, { id: tenant.id, settingsVersion: await version() }, "category", "da")).find((c) => c.code === input.category)
    : undefined;
  const job: Opportunity = {
    id: newId(),
    tenantId: tenant.id,
    associationId: association.id,
    associationName: association.name,
    categoryId: category?.id ?? null,
    title: input.title,
    tasks: input.tasks ?? `Du hjælper som ${input.title.toLowerCase()} et par timer om ugen sammen med andre frivillige.`,
    benefits: "Kaffe, et godt fællesskab og et kursus.",
    commitment: input.commitment ?? "weekly",
    hoursPerWeek: 2,
    oneOffDate: null,
    place: input.remote ? null : (input.place ?? "Foreningshuset"),
    postcode: input.remote ? null : (input.postcode ?? "8000"),
    remote: input.remote ?? false,
    startDate: null,
    needsCertificate: false,
    minAge: 16,
    languages: input.languages ?? ["da", "en"],
    suits: input.suits ?? ["young"],
    slots: input.slots ?? [],
    setting: input.setting ?? "any",
    stepFree: input.stepFree ?? false,
    contactName: "Kontakt Person",
    contactEmail: input.contactEmail ?? "kontakt@forening.test",
    expiresOn: input.expiresOn ?? "2027-06-30",
    status: "published",
    reviewNote: null,
    createdAt: at,
    updatedAt: at,
    publishedAt: at,
    renewalRemindedAt: null,
  };
  await insertOpportunity(db, job);
  await putDocument(db, { now: () => new Date(at) }, tenant.id, "DK", opportunityDocument(job, category && { code: category.code, label: category.label }));
  return { id: job.id };
}
