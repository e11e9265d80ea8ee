// Two sent newsletters in the demo: one to a member group (with one unsubscribe), one to the citizens who
// subscribed (in the public archive), and a draft. Their mails are in the outbox as sent, so the counts show.

import type { Database } from "../src/db/database.js";
import type { Newsletter } from "../src/modules/newsletters/newsletters.model.js";
import {
  confirmSubscriber,
  insertNewsletter,
  insertRecipients,
  insertUnsubscribe,
  setOutbox,
  upsertSubscriber,
} from "../src/modules/newsletters/newsletters.repository.js";
import { mintSecret } from "../src/platform/crypto/secret-hash.js";
import { newId } from "../src/platform/ids.js";
import { insertMail, markSent } from "../src/platform/mail/outbox.repository.js";

export interface NewslettersDemoInput {
  tenantId: string;
  now: Date;
  staffId: string;
  group: { id: string; name: string; emails: string[] };
  subscribers: string[];
  /** A category the demo's jobs use: the draft goes to its associations (else to the group). */
  draftCategoryId?: string | null;
}

const DAY = 86_400_000;

export async function seedNewsletters(db: Database, input: NewslettersDemoInput): Promise<void> {
  const at = (days: number) => new Date(input.now.getTime() - days * DAY).toISOString();
  for (const email of input.subscribers) {
    const id = newId();
    await upsertSubscriber(db, { id, tenantId: input.tenantId, email, tokenHash: mintSecret().hash, createdAt: at(60) });
    await confirmSubscriber(db, input.tenantId, id, at(60));
  }
  const letters: { newsletter: Newsletter; to: string[] }[] = [
    {
      to: input.group.emails,
      newsletter: {
        id: newId(),
        tenantId: input.tenantId,
        subject: `Nyt til ${input.group.name}: fællesmøde og kontingent`,
        body: "## Fællesmøde i januar\n\nVi holder **fællesmøde torsdag den 15. januar kl. 19** i Frivilligcentret. Der er kaffe og kage.\n\n## Kontingent\n\n- Husk at betale årets kontingent inden 1. marts.\n- Skriv til os, hvis I ønsker fritagelse.\n\nMed venlig hilsen\nFrivilligcentret",
        segment: { kind: "group", id: input.group.id },
        status: "sent",
        createdAt: at(21),
        updatedAt: at(20),
        sentAt: at(20),
      },
    },
    {
      to: input.subscribers,
      newsletter: {
        id: newId(),
        tenantId: input.tenantId,
        subject: "Bliv frivillig i julen",
        body: "Mange foreninger søger hjælp i december: **julehjælp, besøgsvenner og juletræsfester**.\n\nSe alle opgaver på [forsiden](/) og meld dig med ét klik.",
        segment: { kind: "subscribers" },
        status: "sent",
        createdAt: at(8),
        updatedAt: at(7),
        sentAt: at(7),
      },
    },
  ];
  for (const { newsletter: n, to } of letters) {
    await insertNewsletter(db, n, input.staffId);
    const rows = to.map((email) => ({
      id: newId(),
      tenantId: input.tenantId,
      newsletterId: n.id,
      email,
      tokenHash: mintSecret().hash,
      createdAt: n.sentAt as string,
    }));
    await insertRecipients(db, rows);
    for (const r of rows) {
      const outboxId = newId();
      await insertMail(db, {
        id: outboxId,
        tenantId: input.tenantId,
        to: r.email,
        subject: n.subject,
        html: "",
        text: n.body,
        attachments: [],
        createdAt: r.createdAt,
      });
      await markSent(db, outboxId, r.createdAt);
      await setOutbox(db, input.tenantId, r.id, outboxId);
    }
  }
  const firstGroupAddress = input.group.emails[0];
  const groupLetter = letters[0]?.newsletter;
  if (firstGroupAddress && groupLetter)
    await insertUnsubscribe(db, { id: newId(), tenantId: input.tenantId, email: firstGroupAddress, newsletterId: groupLetter.id, createdAt: at(19) });
  const draft: Newsletter = {
    id: newId(),
    tenantId: input.tenantId,
    subject: input.draftCategoryId ? "Kursus for besøgsvenner (kladde)" : "Kursus i foreningsregnskab (kladde)",
    body: input.draftCategoryId
      ? "Vi tilbyder et **gratis kursus** for jeres besøgsvenner: den gode samtale og når en ældre bliver syg.\n\nTilmelding senest 1. februar."
      : "Vi tilbyder et **gratis kursus** i regnskab for kasserere.\n\nTilmelding senest 1. februar.",
    segment: input.draftCategoryId ? { kind: "category", id: input.draftCategoryId } : { kind: "group", id: input.group.id },
    status: "draft",
    createdAt: at(1),
    updatedAt: at(1),
    sentAt: null,
  };
  await insertNewsletter(db, draft, input.staffId);
}
