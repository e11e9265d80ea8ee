import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createAssociation,
  createPerson,
  createTenant,
  createTestApp,
  createTestDb,
  dialects,
  latestMail,
  linkIn,
  type TenantFixture,
  TestClock,
  type TestDb,
  testConfig,
  Visitor,
} from "../../../test/harness.js";
import { startSmtp } from "../../../test/smtp.js";

// Known ways to smuggle a script through Markdown (the same kinds as platform/markdown's test).
const PAYLOADS = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  '<a href="javascript:alert(1)">klik</a>',
  "[klik](javascript:alert(1))",
  "[klik](&#106;avascript:alert(1))",
  "![billede](javascript:alert(1))",
];

/**
 * A newsletter to one member group, sent through the outbox and the mailer to a real SMTP server: only the
 * group's members get it, each with a one-click unsubscribe link (RFC 8058) that works without signing in,
 * never on a GET, and keeps the next newsletter away from that address.
 */
describe.each(dialects())("newsletters to a member group [%s]", (dialect) => {
  let t: TestDb;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let env: ReturnType<typeof createTestApp>;
  let a: TenantFixture;
  let b: TenantFixture;
  let staff: Visitor;
  let groupId = "";
  let otherGroupId = "";
  const clock = new TestClock(new Date("2026-11-30T09:00:00.000Z"));
  const host = "centre.example";

  const memberIn = async (tenant: TenantFixture, name: string, group: string, admin?: string) => {
    const assoc = await createAssociation(t.db, tenant, name);
    if (admin) await createPerson(t.db, tenant, { email: admin, memberships: [{ associationId: assoc.id, role: "admin" }] });
    const res = await staff.post(
      "/members",
      { associationId: assoc.id, membershipType: "full", joinedOn: "2026-01-01", groups: group },
      { from: "/members/new" },
    );
    expect(res.status).toBe(303);
    return assoc;
  };

  const groupNamed = async (name: string) => {
    expect((await staff.post("/members/groups", { name }, { from: "/members/groups" })).status).toBe(303);
    const row = await t.db.selectFrom("member_groups").select("id").where("tenant_id", "=", a.id).where("name", "=", name).executeTakeFirstOrThrow();
    return row.id;
  };

  const write = async (subject: string, body: string, segment: string) => {
    const res = await staff.post("/newsletters", { subject, body, segment }, { from: "/newsletters/new" });
    expect(res.status).toBe(303);
    return (res.headers.get("location") ?? "").replace(/\?.*$/, "");
  };

  let assocA = { id: "", name: "" };
  let assocB = { id: "", name: "" };

  beforeAll(async () => {
    t = await createTestDb(dialect);
    smtp = await startSmtp();
    a = await createTenant(t.db, { slug: "a", host, isDefault: true });
    b = await createTenant(t.db, { slug: "b", host: "other.example" });
    await createPerson(t.db, a, { email: "staff@centre.example", roles: ["staff"] });
    await createPerson(t.db, a, { email: "citizen@centre.example" });
    await createPerson(t.db, b, { email: "staff@other.example", roles: ["staff"] });
    env = createTestApp(t.db, { clock, config: testConfig({ SMTP_URL: smtp.url, MAIL_FROM: "Sammen <no-reply@centre.example>" }) });
    staff = new Visitor(env.app, host);
    await staff.signIn("staff@centre.example");
    groupId = await groupNamed("Kultur og idræt");
    otherGroupId = await groupNamed("Lokalråd");
    assocA = await memberIn(a, "Sangkoret", groupId, "board-a@centre.example");
    assocB = await memberIn(a, "Skakklubben", groupId);
    await memberIn(a, "Lokalrådet Nord", otherGroupId, "board-c@centre.example");
  });
  afterAll(async () => {
    await smtp.stop();
    await t.destroy();
  });

  const emailOf = async (id: string) => (await t.db.selectFrom("associations").select("email").where("id", "=", id).executeTakeFirstOrThrow()).email as string;

  it("delivers a newsletter only to the group's members, with one-click unsubscribe headers, and the link works", async () => {
    const path = await write("Nyt fra centret", "## Julemøde\n\nVi ses **den 10. december**.", `group:${groupId}`);
    const page = await (await staff.get(path)).text();
    expect(page).toContain("Send til 3 adresser");
    expect((await staff.post(`${path}/send`, {}, { from: path })).status).toBe(303);
    await env.drainJobs();

    const expected = [await emailOf(assocA.id), "board-a@centre.example", await emailOf(assocB.id)].map((e) => e.toLowerCase()).sort();
    expect(smtp.received.flatMap((m) => m.to).sort()).toEqual(expected);
    expect(smtp.received.flatMap((m) => m.to)).not.toContain("board-c@centre.example");
    const mail = smtp.received.find((m) => m.to.includes("board-a@centre.example"));
    if (!mail) throw new Error("no mail to board-a");
    expect(mail.subject).toBe("Nyt fra centret");
    expect(mail.html).toContain("<strong>den 10. december</strong>");
    expect(mail.text).toContain("Julemøde");
    const header = mail.headers["list-unsubscribe"] ?? "";
    expect(header).toMatch(/^<https:\/\/centre\.example\/newsletters\/unsubscribe\/[A-Za-z0-9_-]{20,}>$/);
    expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    const url = header.slice(1, -1);
    expect(mail.text).toContain(url);
    const unsubscribePath = new URL(url).pathname;

    // A GET (a mail scanner following the link) shows a button and changes nothing.
    const anonymous = new Visitor(env.app, host);
    const confirm = await anonymous.get(unsubscribePath);
    expect(confirm.status).toBe(200);
    const confirmHtml = await confirm.text();
    expect(confirmHtml).toContain("Vil du framelde board-a@centre.example?");
    expect(confirmHtml).toContain(`action="${unsubscribePath}"`);
    expect(await t.db.selectFrom("newsletter_unsubscribes").selectAll().execute()).toHaveLength(0);

    // Another tenant's host does not know the link.
    const foreign = await env.app.request(`http://other.example${unsubscribePath}`, {
      method: "POST",
      headers: { host: "other.example", "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(foreign.status).toBe(400);
    expect(await t.db.selectFrom("newsletter_unsubscribes").selectAll().execute()).toHaveLength(0);

    // The mail program's one-click POST (RFC 8058): no cookie, no form token, no sign-in.
    const oneClick = await env.app.request(url, {
      method: "POST",
      headers: { host, "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(oneClick.status).toBe(200);
    expect(await oneClick.text()).toContain("board-a@centre.example er frameldt");
    const rows = await t.db.selectFrom("newsletter_unsubscribes").select(["email", "tenant_id"]).execute();
    expect(rows).toEqual([{ email: "board-a@centre.example", tenant_id: a.id }]);

    // Twice changes nothing.
    expect((await env.app.request(url, { method: "POST", headers: { host }, body: "" })).status).toBe(200);
    expect(await t.db.selectFrom("newsletter_unsubscribes").selectAll().execute()).toHaveLength(1);

    // The list shows the counts.
    const list = await (await staff.get("/newsletters")).text();
    expect(list).toContain("Nyt fra centret");
    expect(list).toContain("Medlemsgruppen Kultur og idræt");
    const sent = await (await staff.get(path)).text();
    expect(sent).toContain("Medlemsgruppen Kultur og idræt");
    expect(sent).toMatch(/Sendt<\/dt>\s*<dd>30\. nov\. 2026/);
    expect(sent).toContain("Mails, der ikke kom frem");
    expect(sent).toMatch(/Afsendte mails<\/dt>\s*<dd>3<\/dd>/);
    expect(sent).toMatch(/Frameldt<\/dt>\s*<dd>1<\/dd>/);

    // The next newsletter does not reach the address.
    smtp.received.length = 0;
    const next = await write("Næste nyhedsbrev", "Igen.", `group:${groupId}`);
    expect((await staff.post(`${next}/send`, {}, { from: next })).status).toBe(303);
    await env.drainJobs();
    expect(smtp.received.flatMap((m) => m.to).sort()).toEqual(expected.filter((e) => e !== "board-a@centre.example"));
  });

  it("keeps the CSRF check on every other POST, and on the unsubscribe path's neighbours", async () => {
    const res = await env.app.request(`http://${host}/newsletters/subscribe`, {
      method: "POST",
      headers: { host, "content-type": "application/x-www-form-urlencoded" },
      body: "email=x%40example.org",
    });
    expect(res.status).toBe(403);
    const nested = await env.app.request(`http://${host}/newsletters/unsubscribe/${"a".repeat(43)}/x`, { method: "POST", headers: { host }, body: "" });
    expect(nested.status).toBe(403);
  });

  it("refuses bad input clearly and writes nothing", async () => {
    const before = await t.db.selectFrom("newsletters").selectAll().execute();
    const noSubject = await staff.post("/newsletters", { subject: "", body: "x", segment: `group:${groupId}` }, { from: "/newsletters/new" });
    expect(noSubject.status).toBe(422);
    expect(await noSubject.text()).toContain("Skriv et emne.");
    const unknown = await staff.post("/newsletters", { subject: "Hej", body: "x", segment: "group:0000000000" }, { from: "/newsletters/new" });
    expect(unknown.status).toBe(422);
    expect(await unknown.text()).toContain("Vælg modtagere fra listen.");
    const foreignGroup = await t.db
      .insertInto("member_groups")
      .values({ id: "foreign-group", tenant_id: b.id, name: "B", created_at: "2026-01-01T00:00:00Z" })
      .execute();
    expect(foreignGroup).toBeTruthy();
    expect((await staff.post("/newsletters", { subject: "Hej", body: "x", segment: "group:foreign-group" }, { from: "/newsletters/new" })).status).toBe(422);
    expect(await t.db.selectFrom("newsletters").selectAll().execute()).toHaveLength(before.length);

    // A segment nobody is in: "nobody would receive it", nothing queued.
    const empty = await groupNamed("Tom gruppe");
    const path = await write("Til ingen", "Tekst", `group:${empty}`);
    expect(await (await staff.get(path)).text()).toContain("Ingen ville modtage nyhedsbrevet");
    const send = await staff.post(`${path}/send`, {}, { from: path });
    expect(send.status).toBe(422);
    expect(await send.text()).toContain("Ingen ville modtage nyhedsbrevet");
    const id = path.split("/").at(-1) as string;
    expect(await t.db.selectFrom("newsletter_recipients").selectAll().where("newsletter_id", "=", id).execute()).toHaveLength(0);
    expect((await t.db.selectFrom("newsletters").select("status").where("id", "=", id).executeTakeFirstOrThrow()).status).toBe("draft");
  });

  it("shows a preview without saving", async () => {
    const before = (await t.db.selectFrom("newsletters").selectAll().execute()).length;
    const res = await staff.post(
      "/newsletters",
      { subject: "Hej", body: "**fed**", segment: `group:${groupId}`, preview: "body" },
      { from: "/newsletters/new" },
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("<strong>fed</strong>");
    expect(await t.db.selectFrom("newsletters").selectAll().execute()).toHaveLength(before);
  });

  it("lets no citizen, board or other tenant send, see drafts or member lists", async () => {
    const path = await write("Kladde", "Hemmelig kladde", `group:${groupId}`);
    const citizen = new Visitor(env.app, host);
    await citizen.signIn("citizen@centre.example");
    const board = new Visitor(env.app, host);
    await board.signIn("board-a@centre.example");
    for (const v of [citizen, board]) {
      for (const p of ["/newsletters", path, "/newsletters/new", "/members", "/members/groups", "/members/export.csv"])
        expect((await v.get(p)).status).toBe(403);
      expect((await v.post(`${path}/send`, {}, { from: "/" })).status).toBe(403);
    }
    expect((await new Visitor(env.app, host).get(path)).status).toBe(303);
    const other = new Visitor(env.app, "other.example");
    await other.signIn("staff@other.example");
    expect((await other.get(path)).status).toBe(404);
    expect((await other.post(`${path}/send`, {}, { from: "/newsletters" })).status).toBe(404);
    const memberId = (await t.db.selectFrom("members").select("id").where("tenant_id", "=", a.id).executeTakeFirstOrThrow()).id;
    expect((await other.get(`/members/${memberId}`)).status).toBe(404);
    expect(
      await t.db
        .selectFrom("newsletter_recipients")
        .selectAll()
        .where("newsletter_id", "=", path.split("/").at(-1) as string)
        .execute(),
    ).toHaveLength(0);
  });

  it("keeps scripts out of the archive and the mail", async () => {
    await t.db
      .insertInto("newsletter_subscribers")
      .values({
        id: "s1",
        tenant_id: a.id,
        email: "reader@example.org",
        token_hash: "x-hash",
        confirmed_at: "2026-11-01T00:00:00Z",
        created_at: "2026-11-01T00:00:00Z",
      })
      .execute();
    smtp.received.length = 0;
    const path = await write("Farlig tekst", PAYLOADS.join("\n\n"), "subscribers");
    expect((await staff.post(`${path}/send`, {}, { from: path })).status).toBe(303);
    await env.drainJobs();
    const [mail] = smtp.received;
    if (!mail) throw new Error("no mail");
    expect(mail.to).toEqual(["reader@example.org"]);
    const archive = await (await new Visitor(env.app, host).get(`/newsletters/archive/${path.split("/").at(-1)}`)).text();
    expect(mail.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;"); // shown as text
    // The archive page's own layout has its scripts; the newsletter's text is the prose block.
    const prose = archive.slice(archive.indexOf('class="prose"'), archive.indexOf("</article>"));
    expect(prose).toContain("klik");
    for (const html of [mail.html, prose]) {
      // Only real tags count: escaped text (&lt;img onerror…&gt;) is words on the page.
      const tags = (html.match(/<[^>]*>/g) ?? []).join(" ");
      expect(tags).not.toMatch(/<(script|img|svg|iframe)\b/i);
      expect(tags).not.toMatch(/\son\w+\s*=/i);
      expect(tags).not.toMatch(/(href|src|action)\s*=\s*"?\s*(javascript|vbscript|data):/i);
    }
    // A newsletter to a member group is not in the public archive.
    const list = await (await new Visitor(env.app, host).get("/newsletters/archive")).text();
    expect(list).toContain("Farlig tekst");
    expect(list).not.toContain("Nyt fra centret");
  });

  it("asks a citizen to confirm the address before the newsletter reaches it", async () => {
    const citizen = new Visitor(env.app, host);
    const res = await citizen.post("/newsletters/subscribe", { email: "Ny@Example.org" }, { from: "/newsletters/subscribe" });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Vi har sendt dig en mail");
    const row = await t.db.selectFrom("newsletter_subscribers").selectAll().where("email", "=", "ny@example.org").executeTakeFirstOrThrow();
    expect(row.confirmed_at).toBeNull();
    const mail = await latestMail(t.db, "ny@example.org");
    const link = linkIn(mail?.text ?? "", "/newsletters/subscribe/confirm");
    // Following the link shows a button; only the button confirms.
    expect(await (await citizen.get(link)).text()).toContain("Ja, send mig nyhedsbrevet");
    expect((await t.db.selectFrom("newsletter_subscribers").select("confirmed_at").where("id", "=", row.id).executeTakeFirstOrThrow()).confirmed_at).toBeNull();
    const token = new URL(`http://x${link}`).searchParams.get("token") as string;
    expect((await citizen.post("/newsletters/subscribe/confirm", { token }, { from: link })).status).toBe(200);
    expect(
      (await t.db.selectFrom("newsletter_subscribers").select("confirmed_at").where("id", "=", row.id).executeTakeFirstOrThrow()).confirmed_at,
    ).not.toBeNull();
  });
});
