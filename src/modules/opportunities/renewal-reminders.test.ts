import { describe, expect, it } from "vitest";
import { createAssociation, createPublishedJob, createTenant, createTestApp, createTestDb, dialects, TestClock, type TestDb } from "../../../test/harness.js";
import { remindRenewals } from "./renewal-reminders.js";

const DAY = 24 * 3600_000;

describe.each(dialects())("a posting that runs out [%s]", (dialect) => {
  let t: TestDb;
  const clock = new TestClock();

  it("asks the contact person a week before whether to extend it, once", async () => {
    t = await createTestDb(dialect);
    try {
      const a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
      const club = await createAssociation(t.db, a, "Gåklubben");
      const job = await createPublishedJob(t.db, a, club, { title: "Turleder onsdag", expiresOn: "2026-12-05" });
      const env = createTestApp(t.db, { clock });
      const run = () => remindRenewals({ db: t.db, clock, config: env.config, mailer: env.mailer });
      const mails = async () => t.db.selectFrom("mail_outbox").select(["subject", "text"]).where("to_address", "=", "kontakt@forening.test").execute();
      await run();
      expect(await mails()).toEqual([]);
      clock.advance(7 * DAY);
      await run();
      await run();
      const sent = await mails();
      expect(sent.map((m) => m.subject)).toEqual(["Jeres opslag udløber snart: Turleder onsdag"]);
      expect(sent[0]?.text).toContain(`/opportunities/${job.id}/edit`);
    } finally {
      await t.destroy();
    }
  });
});
