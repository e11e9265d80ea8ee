import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createAssociation,
  createPerson,
  createTenant,
  createTestApp,
  createTestDb,
  dialects,
  type TenantFixture,
  TestClock,
  type TestDb,
  Visitor,
} from "../../../test/harness.js";

/**
 * The centre's members through their pages: the list and its filters, the CSV, adding, leaving and the fee,
 * renaming a group, and everyone who is not the centre's staff kept out.
 */
describe.each(dialects())("the centre's members [%s]", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestApp>;
  let a: TenantFixture;
  let b: TenantFixture;
  let staff: Visitor;
  const clock = new TestClock(new Date("2026-11-30T09:00:00.000Z"));
  const ids = { culture: "", social: "", club: "", walkers: "", formula: "", other: "", clubMember: "", walkersMember: "", otherTenantAssoc: "" };

  const as = async (email: string, host = "a.test") => {
    const v = new Visitor(env.app, host);
    await v.signIn(email);
    return v;
  };
  const group = async (name: string) => {
    expect((await staff.post("/members/groups", { name }, { from: "/members/groups" })).status).toBe(303);
    return (await t.db.selectFrom("member_groups").select("id").where("tenant_id", "=", a.id).where("name", "=", name).executeTakeFirstOrThrow()).id;
  };
  const add = async (associationId: string, fields: Record<string, string | string[]>) => {
    const res = await staff.post("/members", { associationId, membershipType: "full", joinedOn: "2026-01-15", ...fields }, { from: "/members/new" });
    expect(res.status).toBe(303);
    return (res.headers.get("location") ?? "").replace(/^\/members\//, "").replace(/\?.*$/, "");
  };
  const rows = async (table: "members" | "member_fees" | "member_groups" | "member_group_links") =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const names = (html: string) => ["Grønby Seniorklub", "Gåklubben", "Formelforeningen", "Strikkecaféen"].filter((n) => html.includes(n));

  beforeAll(async () => {
    t = await createTestDb(dialect);
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
    b = await createTenant(t.db, { slug: "b", host: "b.test" });
    const club = await createAssociation(t.db, a, "Grønby Seniorklub");
    const walkers = await createAssociation(t.db, a, "Gåklubben");
    const other = await createAssociation(t.db, a, "Strikkecaféen");
    // A name that a spreadsheet would take for a formula, kept as text in the CSV.
    const formula = await createAssociation(t.db, a, "Formelforeningen");
    await t.db.updateTable("associations").set({ email: '=HYPERLINK("http://evil.test")' }).where("id", "=", formula.id).execute();
    Object.assign(ids, { club: club.id, walkers: walkers.id, formula: formula.id, other: other.id });
    await createPerson(t.db, a, { email: "staff@a.test", roles: ["staff"] });
    await createPerson(t.db, a, { email: "case@a.test", roles: ["caseworker"] });
    await createPerson(t.db, a, { email: "board@a.test", memberships: [{ associationId: club.id, role: "admin" }] });
    await createPerson(t.db, a, { email: "citizen@a.test" });
    await createPerson(t.db, b, { email: "staff@b.test", roles: ["staff"] });
    const far = await createAssociation(t.db, b, "Fjernklubben");
    ids.otherTenantAssoc = far.id;
    env = createTestApp(t.db, { clock });
    staff = await as("staff@a.test");

    ids.culture = await group("Kultur og idræt");
    ids.social = await group("Sociale foreninger");
    ids.clubMember = await add(club.id, { groups: [ids.culture, ids.social] });
    ids.walkersMember = await add(walkers.id, { membershipType: "supporting", joinedOn: "2025-03-01", groups: ids.culture });
    await add(formula.id, { membershipType: "associate", groups: ids.social });
    // Gåklubben leaves.
    const left = await staff.post(
      `/members/${ids.walkersMember}`,
      { membershipType: "supporting", joinedOn: "2025-03-01", leftOn: "2026-06-30", groups: ids.culture },
      { from: `/members/${ids.walkersMember}` },
    );
    expect(left.status).toBe(303);
    // The other tenant has a member of its own.
    const otherStaff = await as("staff@b.test", "b.test");
    expect((await otherStaff.post("/members/groups", { name: "Kultur og idræt" }, { from: "/members/groups" })).status).toBe(303);
    expect(
      (await otherStaff.post("/members", { associationId: far.id, membershipType: "full", joinedOn: "2026-02-01" }, { from: "/members/new" })).status,
    ).toBe(303);
  });
  afterAll(() => t.destroy());

  it("lists current members by default and narrows by group, type and current, left or all", async () => {
    expect(names(await (await staff.get("/members")).text())).toEqual(["Grønby Seniorklub", "Formelforeningen"]);
    expect(names(await (await staff.get("/members?status=left")).text())).toEqual(["Gåklubben"]);
    expect(names(await (await staff.get("/members?status=all")).text())).toEqual(["Grønby Seniorklub", "Gåklubben", "Formelforeningen"]);
    expect(names(await (await staff.get(`/members?group=${ids.culture}&status=all`)).text())).toEqual(["Grønby Seniorklub", "Gåklubben"]);
    expect(names(await (await staff.get(`/members?group=${ids.social}`)).text())).toEqual(["Grønby Seniorklub", "Formelforeningen"]);
    expect(names(await (await staff.get("/members?type=associate")).text())).toEqual(["Formelforeningen"]);
    // Nonsense in the filter is no filter, never an error.
    const odd = await staff.get("/members?type=%3Cx%3E&status=nope&group=unknown");
    expect(odd.status).toBe(200);
    expect(names(await odd.text())).toEqual(["Grønby Seniorklub", "Formelforeningen"]);
    // Another tenant's group is not a filter here.
    const foreign = (await t.db.selectFrom("member_groups").select("id").where("tenant_id", "=", b.id).executeTakeFirstOrThrow()).id;
    expect(names(await (await staff.get(`/members?group=${foreign}`)).text())).toEqual(["Grønby Seniorklub", "Formelforeningen"]);
    expect(await (await staff.get("/members")).text()).not.toContain("Fjernklubben");
  });

  it("gives the filtered list as CSV with Danish dates, no other tenant's rows and no formulas", async () => {
    const res = await staff.get(`/members/export.csv?group=${ids.culture}&status=all`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    const text = (await res.text()).replace(/^\uFEFF/, "");
    const lines = text.trim().split(/\r?\n/);
    expect(lines[0]).toBe("Forening;E-mail;Medlemskab;Grupper;Medlem siden;Udmeldt;Kontingent i år");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain("Grønby Seniorklub");
    expect(lines[1]).toContain("Kultur og idræt, Sociale foreninger");
    expect(lines[1]).toContain("15. januar 2026");
    expect(lines[2]).toContain("Gåklubben");
    expect(lines[2]).toContain("30. juni 2026");
    expect(text).not.toContain("2026-01-15");
    expect(text).not.toContain("Formelforeningen");
    expect(text).not.toContain("Fjernklubben");

    const social = (await (await staff.get(`/members/export.csv?group=${ids.social}`)).text()).replace(/^\uFEFF/, "");
    expect(social).toContain("Formelforeningen");
    expect(social).toContain(`'=HYPERLINK`);
    expect(social).not.toMatch(/[;\n]"?=HYPERLINK/);
    expect(social).not.toContain("Fjernklubben");
  });

  it("refuses bad input with a clear message and writes nothing", async () => {
    const before = { members: await rows("members"), fees: await rows("member_fees"), links: await rows("member_group_links") };
    const post = (path: string, fields: Record<string, string | string[]>) => staff.post(path, fields, { from: "/members/new" });

    const noAssociation = await post("/members", { associationId: "", membershipType: "full", joinedOn: "2026-01-01" });
    expect(noAssociation.status).toBe(422);
    expect(await noAssociation.text()).toContain("Vælg en forening");
    const foreignAssociation = await post("/members", { associationId: ids.otherTenantAssoc, membershipType: "full", joinedOn: "2026-01-01" });
    expect(foreignAssociation.status).toBe(422);
    const badDate = await post("/members", { associationId: ids.other, membershipType: "full", joinedOn: "31-02-2026" });
    expect(badDate.status).toBe(422);
    const badType = await post("/members", { associationId: ids.other, membershipType: "gold", joinedOn: "2026-01-01" });
    expect(badType.status).toBe(422);
    const foreignGroup = (await t.db.selectFrom("member_groups").select("id").where("tenant_id", "=", b.id).executeTakeFirstOrThrow()).id;
    const withForeignGroup = await post("/members", { associationId: ids.other, membershipType: "full", joinedOn: "2026-01-01", groups: foreignGroup });
    expect(withForeignGroup.status).toBe(422);
    expect(await withForeignGroup.text()).toContain("Vælg grupper fra listen");
    const twice = await post("/members", { associationId: ids.club, membershipType: "full", joinedOn: "2026-01-01" });
    expect(twice.status).toBe(409);

    const leftBeforeJoining = await staff.post(
      `/members/${ids.clubMember}`,
      { membershipType: "full", joinedOn: "2026-01-15", leftOn: "2025-12-31" },
      { from: `/members/${ids.clubMember}` },
    );
    expect(leftBeforeJoining.status).toBe(422);
    const fee = (fields: Record<string, string>) => staff.post(`/members/${ids.clubMember}/fees`, fields, { from: `/members/${ids.clubMember}` });
    expect((await fee({ year: "2026", status: "lots" })).status).toBe(422);
    expect((await fee({ year: "år", status: "paid" })).status).toBe(422);
    expect((await staff.post("/members/unknown-id/fees", { year: "2026", status: "paid" }, { from: "/members" })).status).toBe(404);

    expect({ members: await rows("members"), fees: await rows("member_fees"), links: await rows("member_group_links") }).toEqual(before);
    const still = await t.db.selectFrom("members").select("left_on").where("id", "=", ids.clubMember).executeTakeFirstOrThrow();
    expect(still.left_on).toBeNull();
  });

  it("records the year's fee, and leaving moves a member to the left list", async () => {
    expect((await staff.post(`/members/${ids.clubMember}/fees`, { year: "2026", status: "paid" }, { from: `/members/${ids.clubMember}` })).status).toBe(303);
    const csv = await (await staff.get("/members/export.csv")).text();
    expect(csv).toMatch(/Grønby Seniorklub.*Betalt/);
    expect((await staff.get(`/members/${ids.walkersMember}`)).status).toBe(200);
  });

  it("renames a group, says how many members it has, keeps names unique and logs it", async () => {
    const page = await staff.get(`/members/groups/${ids.culture}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Kultur og idræt");
    expect(html).toContain("1 medlem");

    const taken = await staff.post(`/members/groups/${ids.culture}`, { name: "sociale FORENINGER" }, { from: `/members/groups/${ids.culture}` });
    expect(taken.status).toBe(409);
    expect(await taken.text()).toContain("Der findes allerede en gruppe med det navn");
    const empty = await staff.post(`/members/groups/${ids.culture}`, { name: "  " }, { from: `/members/groups/${ids.culture}` });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain("Skriv gruppens navn");

    const renamed = await staff.post(`/members/groups/${ids.culture}`, { name: "Kultur, idræt og friluftsliv" }, { from: `/members/groups/${ids.culture}` });
    expect(renamed.status).toBe(303);
    expect(renamed.headers.get("location")).toBe("/members/groups?notice=memberGroupRenamed");
    const list = await (await staff.get("/members/groups")).text();
    expect(list).toContain("Kultur, idræt og friluftsliv");
    const logged = await t.db.selectFrom("audit_log").select("action").where("tenant_id", "=", a.id).where("action", "=", "members.group_renamed").execute();
    expect(logged).toHaveLength(1);
    // The other tenant's group of the same old name is untouched, and out of reach.
    const foreign = await t.db.selectFrom("member_groups").select(["id", "name"]).where("tenant_id", "=", b.id).executeTakeFirstOrThrow();
    expect(foreign.name).toBe("Kultur og idræt");
    expect((await staff.get(`/members/groups/${foreign.id}`)).status).toBe(404);
    expect((await staff.post(`/members/groups/${foreign.id}`, { name: "Overtaget" }, { from: "/members/groups" })).status).toBe(404);
  });

  it("keeps boards, citizens, caseworkers, other tenants and anonymous visitors out", async () => {
    const paths = ["/members", "/members/export.csv", "/members/new", "/members/groups", `/members/groups/${ids.social}`, `/members/${ids.clubMember}`];
    for (const email of ["board@a.test", "citizen@a.test", "case@a.test"]) {
      const v = await as(email);
      for (const path of paths) expect([path, (await v.get(path)).status]).toEqual([path, 403]);
      expect((await v.post(`/members/groups/${ids.social}`, { name: "Min gruppe" }, { from: "/" })).status).toBe(403);
      expect((await v.post(`/members/${ids.clubMember}/fees`, { year: "2026", status: "exempt" }, { from: "/" })).status).toBe(403);
      expect((await v.post("/members", { associationId: ids.other, membershipType: "full", joinedOn: "2026-01-01" }, { from: "/" })).status).toBe(403);
    }
    const other = await as("staff@b.test", "b.test");
    expect((await other.get(`/members/${ids.clubMember}`)).status).toBe(404);
    expect((await other.get(`/members/groups/${ids.social}`)).status).toBe(404);
    expect((await other.post(`/members/${ids.clubMember}/fees`, { year: "2026", status: "exempt" }, { from: "/members" })).status).toBe(404);
    expect(await (await other.get("/members/export.csv")).text()).not.toContain("Grønby");
    const anonymous = new Visitor(env.app, "a.test");
    for (const path of ["/members", "/members/export.csv", "/members/groups"]) {
      const res = await anonymous.get(path);
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toContain("/sign-in");
    }
    expect(await rows("member_groups")).toBe(3);
    const fee = await t.db.selectFrom("member_fees").select("status").where("member_id", "=", ids.clubMember).execute();
    expect(fee.map((f) => f.status)).toEqual(["paid"]);
  });
});
