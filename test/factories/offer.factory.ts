import type { Database } from "../../src/db/database.js";
import type { OfferContent } from "../../src/modules/directory/directory.model.js";
import { insert } from "../../src/modules/directory/directory.repository.js";
import { newId } from "../../src/platform/ids.js";
import type { TenantFixture } from "../harness.js";

/** A published offer of the association, written as the directory stores one (not yet in search). */
export async function buildOffer(db: Database, tenant: TenantFixture, association: { id: string }, overrides: Partial<OfferContent> = {}) {
  const id = newId();
  const now = new Date().toISOString();
  await insert(db, tenant.id, {
    id,
    associationId: association.id,
    kind: "activity",
    title: `Gåtur ${id.slice(-6)}`,
    description: "Vi går en times tur i skoven og drikker kaffe bagefter.",
    categoryId: null,
    targetGroups: [],
    placeName: "Riis Skov",
    address: null,
    postcode: "8000",
    online: false,
    slots: [],
    timeText: "Tirsdag kl. 10",
    accessibility: [],
    languages: ["da"],
    price: "free",
    priceText: null,
    contactEmail: "gaa@klub.test",
    contactPhone: null,
    linkUrl: null,
    ...overrides,
    status: "published",
    reviewNote: null,
    createdAt: now,
    updatedAt: now,
    confirmedAt: now,
    staleNotifiedAt: null,
    hiddenAt: null,
  });
  return { id };
}
