import type { Database } from "../../src/db/database.js";
import type { BridgeCase } from "../../src/modules/bridge/bridge.model.js";
import { insertCase } from "../../src/modules/bridge/cases.repository.js";
import type { Keyring } from "../../src/platform/crypto/sealed.js";
import type { TenantFixture } from "../harness.js";
import { buildCaseRecord } from "./bridge.factory.js";

/** A case after consent and intake, as the bridge-builders' own pages would leave it. */
export async function buildBridgeCase(db: Database, ring: Keyring, tenant: TenantFixture, overrides: Partial<BridgeCase> = {}): Promise<BridgeCase> {
  const now = new Date().toISOString();
  const c = buildCaseRecord(tenant.id, {
    firstName: "Birthe",
    contact: "birthe@example.test",
    source: "municipality",
    sourceUnit: "health",
    reason: "Har mistet sin mand og er meget alene.",
    consent: { at: now, by: null, purposes: ["bridge_building", "share_with_association"], how: "in_person", copy: "print" },
    wishes: "Vil gerne gå ture med andre.",
    resources: "God til at bage.",
    needs: ["company_first_times", "quiet_place"],
    notes: "Fortrolig note om helbred.",
    slots: ["tue-morning"],
    postcode: "8000",
    languages: ["da"],
    intakeAt: now,
    shareFields: ["first_name", "contact", "needs"],
    ...overrides,
  });
  await insertCase(db, ring, c, null);
  return c;
}
