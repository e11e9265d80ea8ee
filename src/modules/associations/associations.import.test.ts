import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

// 13585628 is a valid CVR number; 12345678 is not.
const GOOD = [
  "navn;cvr;e-mail;telefon",
  "Sønderby Skakklub;;skak@klub.dk;",
  "Besøgsvennerne;13585628;besog@ny.dk;+45 11 22 33 44",
  '"Kor; og sang";;kor@sang.dk;',
].join("\n");
const BROKEN = [
  "navn,cvr,e-mail,telefon",
  "Gåklubben,,gaa@klub.dk,",
  "X,,x@klub.dk,",
  "Fodboldklubben,12345678,fod@klub.dk,",
  "Strikkecafé,,ikke-en-adresse,",
  "Gåklubben,,gaa2@klub.dk,",
].join("\r\n");

describe.each(dialects())("importing associations from CSV [%s]", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestApp>;
  let a: TenantFixture;
  let staff: Visitor;
  const names = async (tenantId: string) =>
    (await t.db.selectFrom("associations").select("name").where("tenant_id", "=", tenantId).orderBy("name").execute()).map((r) => r.name);

  beforeAll(async () => {
    t = await createTestDb(dialect);
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
    await createTenant(t.db, { slug: "b", host: "b.test" });
    await createAssociation(t.db, a, "Besøgsvennerne");
    await createPerson(t.db, a, { email: "staff@a.test", roles: ["staff"] });
    await createPerson(t.db, a, { email: "borger@a.test" });
    env = createTestApp(t.db);
    staff = new Visitor(env.app, "a.test");
    await staff.signIn("staff@a.test");
  });
  afterAll(() => t.destroy());

  const upload = (content: string | Uint8Array<ArrayBuffer>, intent = "dry-run", name = "foreninger.csv", type = "text/csv") =>
    staff.upload("/associations/import", { intent }, { name, content, type }, { from: "/associations/import" });

  it("lists every bad row by line number with the reason, and writes nothing", async () => {
    const res = await upload(BROKEN, "apply");
    expect(res.status).toBe(422);
    const html = await res.text();
    for (const [line, reason] of [
      ["3", "Skriv foreningens navn"],
      ["4", "CVR"],
      ["5", "e-mail"],
      ["6", "Står to gange i filen"],
    ])
      expect(html).toMatch(new RegExp(`<td[^>]*>${line}</td><td[^>]*>[^<]*</td><td[^>]*>[^<]*${reason}`, "i"));
    expect(await names(a.id)).toEqual(["Besøgsvennerne"]);
  });

  it("shows a dry run first, imports on the second step, and a second import doubles nothing", async () => {
    const dry = await (await upload(GOOD)).text();
    expect(dry).toContain("2 nye, 1 opdateres, 0 er allerede ens.");
    expect(await names(a.id)).toEqual(["Besøgsvennerne"]);
    const carried =
      dry
        .match(/name="carried" value="([^"]*)"/)?.[1]
        ?.replace(/&quot;/g, '"')
        .replace(/&amp;/g, "&") ?? "";
    const applied = await staff.upload("/associations/import", { intent: "apply", carried }, null, { from: "/associations/import" });
    expect(await applied.text()).toContain("Importeret: 2 nye foreninger og 1 opdaterede.");
    expect(await names(a.id)).toEqual(["Besøgsvennerne", "Kor; og sang", "Sønderby Skakklub"]);
    expect(await t.db.selectFrom("associations").select("registration_number").where("name", "=", "Besøgsvennerne").executeTakeFirst()).toEqual({
      registration_number: "13585628",
    });

    expect(await (await upload(GOOD, "apply")).text()).toContain("Alt i filen findes allerede");
    expect(await names(a.id)).toHaveLength(3);
    const audit = await t.db.selectFrom("audit_log").select("action").where("action", "=", "associations.imported").execute();
    expect(audit).toHaveLength(1);
  });

  it("answers a missing file, a wrong type, a file not in UTF-8, missing columns and broken quoting", async () => {
    expect(await (await staff.upload("/associations/import", { intent: "dry-run" }, null, { from: "/associations/import" })).text()).toContain(
      "Vælg en CSV-fil.",
    );
    expect(await (await upload("%PDF-1.4", "dry-run", "foreninger.pdf", "application/pdf")).text()).toContain("Filen skal være en CSV-fil");
    expect(await (await upload(new Uint8Array([0x6e, 0x61, 0x76, 0x6e, 0x0a, 0xf8, 0xe6]))).text()).toContain("ikke gemt som UTF-8");
    expect(await (await upload("forening;by\nA;B")).text()).toContain("mangler en kolonne, som skal være der");
    expect(await (await upload('navn;e-mail\n"Åben;a@b.dk')).text()).toContain("anførselstegn");
    expect((await upload(`navn;e-mail\n${"x".repeat(210 * 1024)}`)).status).toBe(413);
    expect(await names(a.id)).toHaveLength(3);
  });

  it("keeps the import to staff of the tenant", async () => {
    const citizen = new Visitor(env.app, "a.test");
    await citizen.signIn("borger@a.test");
    expect((await citizen.get("/associations/import")).status).toBe(403);
    const res = await citizen.upload("/associations/import", { intent: "apply" }, { name: "f.csv", content: GOOD }, { from: "/" });
    expect(res.status).toBe(403);
  });
});
