import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildBridgeCase } from "../../../test/factories/bridge-figures.factory.js";
import {
  createAssociation,
  createPerson,
  createTenant,
  createTestApp,
  createTestDb,
  dialects,
  type TenantFixture,
  type TestDb,
  Visitor,
} from "../../../test/harness.js";
import { SESSION_COOKIE } from "../../platform/auth/sessions.js";
import { dataKeyring } from "../../platform/crypto/data-key.js";
import { bridgeFigures, quantile, suppress, yearSpan } from "./figures.js";

describe("suppressing small counts", () => {
  it("hides every count under five, and the next smallest when one hidden count could be worked out", () => {
    const shown = (cells: ReturnType<typeof suppress>) => cells.map((row) => row.map((c) => (c.shown ? c.value : "x")));
    // 3 alone is hidden in its column, so the total (17) would give it away: the 5 goes too.
    expect(shown(suppress([[9], [3], [5], [17]]))).toEqual([[9], ["x"], ["x"], [17]]);
    // Two hidden in the column already: nothing more goes.
    expect(shown(suppress([[12], [3], [0], [15]]))).toEqual([[12], ["x"], ["x"], [15]]);
    // Rows and columns both: the 2 hides the 6 in its row, and the 6 then hides the 7 in its column.
    expect(
      shown(
        suppress([
          [2, 6, 8],
          [9, 7, 16],
        ]),
      ),
    ).toEqual([
      ["x", "x", 8],
      ["x", "x", 16],
    ]);
  });

  it("finds quartiles between the values and the year's bounds in the tenant's zone", () => {
    expect([quantile([3, 4, 5, 6, 7, 8, 9, 10], 0.25), quantile([3, 4, 5, 6, 7, 8, 9, 10], 0.5), quantile([3, 4, 5, 6, 7, 8, 9, 10], 0.75)]).toEqual([
      4.8, 6.5, 8.3,
    ]);
    expect(yearSpan(2026, "Europe/Copenhagen")).toEqual({ from: "2025-12-31T23:00:00.000Z", to: "2026-12-31T23:00:00.000Z" });
  });

  it("counts a person's chosen community once and needs only with consent to figures", () => {
    const f = bridgeFigures(
      2026,
      "Europe/Copenhagen",
      {
        cases: [
          { id: "a", source: "self", sourceUnit: null, createdAt: "2026-01-01T10:00:00.000Z", needs: ["step_free"] },
          { id: "b", source: "self", sourceUnit: null, createdAt: "2026-01-01T10:00:00.000Z", needs: null },
        ],
        meetings: [],
        picks: [
          { caseId: "a", category: "sport" },
          { caseId: "a", category: "sport" },
          { caseId: "b", category: "gone" },
        ],
        outcomes: [],
      },
      ["sport"],
    );
    expect(f.byCommunity.lines.map((l) => l.key)).toEqual(["sport", "other"]);
    expect(f.needsCounted).toEqual({ shown: false });
  });
});

describe.each(dialects())("bridge-building figures [%s]", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestApp>;
  let a: TenantFixture;
  let b: TenantFixture;
  const as = async (email: string, tenant: TenantFixture = a) => {
    const v = new Visitor(env.app, tenant.host);
    await v.signIn(email);
    return v;
  };

  beforeAll(async () => {
    t = await createTestDb(dialect);
    env = createTestApp(t.db);
    const ring = dataKeyring(env.config);
    a = await createTenant(t.db, { slug: "a", host: "a.test" });
    b = await createTenant(t.db, { slug: "b", host: "b.test" });
    const club = await createAssociation(t.db, a, "Gåklubben");
    await createPerson(t.db, a, { email: "staff@a.test", roles: ["staff"] });
    await createPerson(t.db, a, { email: "builder@a.test", roles: ["bridge_builder"] });
    await createPerson(t.db, a, { email: "admin@a.test", roles: ["tenant_admin"] });
    await createPerson(t.db, a, { email: "referrer@a.test", roles: ["referrer"] });
    await createPerson(t.db, a, { email: "caseworker@a.test", roles: ["caseworker"] });
    await createPerson(t.db, a, { email: "club@a.test", memberships: [{ associationId: club.id, role: "admin" }] });
    await createPerson(t.db, a, { email: "citizen@a.test" });
    await createPerson(t.db, b, { email: "staff@b.test", roles: ["staff"] });
    const day = (n: number) => new Date(Date.UTC(2026, 2, 2 + n, 9)).toISOString();
    for (let i = 0; i < 12; i++) {
      const met = i < 8;
      await buildBridgeCase(
        t.db,
        ring,
        a.id,
        { createdAt: day(i), needs: i < 6 ? ["step_free"] : [], status: met ? "taking_part" : "intake" },
        met
          ? {
              associationId: club.id,
              category: "sport",
              metAt: day(i + 3 + i),
              outcomes: i < 6 ? [{ months: 3, outcome: "still_coming" }] : [{ months: 3, outcome: "stopped" }],
            }
          : {},
      );
    }
    for (let i = 0; i < 3; i++) await buildBridgeCase(t.db, ring, a.id, { createdAt: day(20 + i), sourceUnit: "health" });
    // Last year's referral is not one of this year's.
    await buildBridgeCase(t.db, ring, a.id, { createdAt: "2025-12-31T22:30:00.000Z", source: "self", sourceUnit: null });
  });
  afterAll(() => t.destroy());

  it("shows staff without the bridge-building permission the year's counts, a health cell of 3 as fewer than 5", async () => {
    const staff = await as("staff@a.test");
    const res = await staff.get("/bridge/figures");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('href="/bridge/figures"');
    expect(html).toMatch(/Kommunen: jobcenter<\/th><td class="number"><span>12<\/span>/);
    expect(html).toMatch(/Kommunen: sundhed<\/th><td class="number"><span class="figure-hidden">færre end 5<\/span>/);
    expect(html).toMatch(/<strong>I alt<\/strong><\/th><td class="number"><strong><span>15<\/span>/);
    // Eight met after 3, 4, 5 … 10 days: the median is 6.5 days.
    expect(html).toMatch(/Alle<\/td><td[^>]*><span>8<\/span><\/td><td[^>]*>4,8<\/td><td[^>]*>6,5<\/td><td[^>]*>8,3<\/td>/);
    expect(html).toMatch(/Idræt og motion<\/th><td class="number"><span>8<\/span>/);
    expect(html).toMatch(/Adgang uden trin<\/th><td class="number"><span>6<\/span>/);
    expect(html).toMatch(/3 måneder<\/td><td[^>]*><span>6<\/span>/);
    expect(html).not.toContain("Hanne");
  });

  it("gives the same suppression in the CSV and the yearly export, and counts last year's referral only in last year", async () => {
    const staff = await as("builder@a.test");
    const csv = await (await staff.get("/bridge/figures.csv?year=2026")).text();
    expect(csv).toContain("2026;Henvisninger efter hvem der henviste;Kommunen: sundhed;Henvisninger;færre end 5");
    expect(csv).toContain("2026;Henvisninger efter hvem der henviste;Kommunen: jobcenter;Henvisninger;12");
    expect(csv).toContain("Tid fra henvisning til første møde;Alle;Median (dage);6,5");
    expect(csv).toContain("Tid fra henvisning til første møde;Alle;Første kvartil (dage);4,8");
    const exported = await staff.get("/bridge/figures/export?year=2026");
    expect(exported.headers.get("content-disposition")).toContain("bridge-building-a-2026.csv");
    const text = await exported.text();
    expect(text).toContain("tenant;year;figure;group;measure;value");
    expect(text).toContain("Test a;2026;referrals;municipality.health;count;<5");
    expect(text).toContain("Test a;2026;referrals;municipality.jobcentre;count;12");
    expect(text).toContain("Test a;2026;referrals;self;count;<5");
    expect(text).not.toMatch(/;[1-4]\r?\n/);
    const last = await (await staff.get("/bridge/figures/export?year=2025")).text();
    expect(last).toContain("Test a;2025;referrals;total;count;<5");
  });

  it("lets bridge-builders and the tenant admin in, and answers everyone else with 404", async () => {
    for (const email of ["builder@a.test", "admin@a.test"]) expect((await (await as(email)).get("/bridge/figures")).status, email).toBe(200);
    for (const email of ["club@a.test", "citizen@a.test", "referrer@a.test", "caseworker@a.test"]) {
      const v = await as(email);
      for (const path of ["/bridge/figures", "/bridge/figures.csv", "/bridge/figures/export?year=2026", "/bridge/figures?year=nonsense"])
        expect((await v.get(path)).status, `${email} ${path}`).toBe(404);
      expect(await (await v.get("/")).text(), email).not.toContain('href="/bridge/figures"');
    }
    expect((await new Visitor(env.app, a.host).get("/bridge/figures")).status).toBe(404);
    // Another tenant's staff: their own figures hold none of this tenant's, and their session is nothing here.
    const other = await as("staff@b.test", b);
    const own = await (await other.get("/bridge/figures.csv")).text();
    expect(own).not.toMatch(/;12\r?\n/);
    const foreign = await env.app.request("http://a.test/bridge/figures", {
      headers: { host: a.host, cookie: `${SESSION_COOKIE}=${other.cookie(SESSION_COOKIE)}` },
    });
    expect(foreign.status).toBe(404);
  });

  it("refuses a bad year with a clear message, never a 500", async () => {
    const staff = await as("staff@a.test");
    for (const year of ["abc", "1999", "20266", "2026.5", "2101", "-2026"]) {
      const res = await staff.get(`/bridge/figures?year=${year}`);
      expect(res.status, year).toBe(400);
      expect(await res.text()).toContain("Året skal skrives med fire cifre mellem 2000 og 2100");
    }
    expect((await staff.get("/bridge/figures.csv?year=x")).status).toBe(400);
    expect((await staff.get("/bridge/figures/export?year=x")).status).toBe(400);
  });
});
