// Every route of the router × role × tenant, and the fill-in table kept complete.
import { describe, expect, it } from "vitest";
import { createTestApp, createTestDb, dialects } from "../harness.js";
import { ALFA_WITH_BRAVOS, ALFA_WITH_OWN, DIRECTIONS, describeMatrix } from "./matrix.js";
import { FILL, routesOf } from "./routes.js";
import { ROLES } from "./world.js";

describe("the route table", () => {
  it("has a fill-in entry for every route of the router, and none for a route that is gone", async () => {
    const t = await createTestDb("sqlite");
    const keys = routesOf(createTestApp(t.db).app).map((r) => r.key);
    await t.destroy();
    expect(
      keys.filter((k) => !(k in FILL)),
      "routes without an entry in test/security/routes.ts",
    ).toEqual([]);
    expect(
      Object.keys(FILL).filter((k) => !keys.includes(k)),
      "entries for routes the router no longer has",
    ).toEqual([]);
    expect(keys.length).toBeGreaterThan(150);
  });
});

describeMatrix("sqlite", { runs: DIRECTIONS.map((direction) => ({ direction, roles: ROLES })), writesOnly: false });

// PostgreSQL, for the part where the two databases differ most (foreign keys, types, constraint errors):
// every write naming the other tenant's records, by the roles that may write the most, and every write of
// the tenant admin with each of its own records alone unknown. The cross-tenant directions mirror each
// other, so one is enough here.
if (dialects().includes("postgres")) {
  describeMatrix("postgres", {
    runs: [
      { direction: ALFA_WITH_BRAVOS, roles: ["associationAdmin", "tenantAdmin"] },
      { direction: ALFA_WITH_OWN, roles: ["tenantAdmin"] },
    ],
    writesOnly: true,
  });
}
