import type { Config } from "../../src/config.js";
import type { Database } from "../../src/db/database.js";
import type { Application } from "../../src/modules/applications/applications.model.js";
import { insertApplication } from "../../src/modules/applications/applications.repository.js";
import { dataKeyring } from "../../src/platform/crypto/data-key.js";
import { newId } from "../../src/platform/ids.js";
import type { TenantFixture } from "../harness.js";

/** A confirmed application for a job, sealed with the test data key as the apply use case would leave it. */
export async function buildApplication(
  db: Database,
  config: Config,
  tenant: TenantFixture,
  opportunityId: string,
  overrides: Partial<Omit<Application, "id" | "tenantId" | "opportunityId">> = {},
) {
  const at = overrides.createdAt ?? "2026-11-21T09:00:00.000Z";
  const n = newId();
  const application: Application = {
    id: n,
    tenantId: tenant.id,
    opportunityId,
    userId: null,
    name: `Ansøger ${n.slice(-4)}`,
    email: `${n.slice(-8)}@ansoger.test`,
    phone: null,
    message: "Jeg vil gerne hjælpe.",
    status: "new",
    createdAt: at,
    confirmedAt: at,
    firstAnswerAt: null,
    updatedAt: at,
    ...overrides,
  };
  await insertApplication(db, dataKeyring(config), application);
  return application;
}
