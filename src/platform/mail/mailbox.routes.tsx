import { type Context, Hono } from "hono";
import { isLoopback } from "../../config.js";
import type { AppEnv } from "../http/env.js";
import { notFound } from "../http/errors.js";
import { socketAddress } from "../http/middleware.js";
import { render } from "../http/render.js";
import { Alert, DataTable, EmptyState, Heading, Link, P } from "../ui/components.js";
import { usePage } from "../ui/page-context.js";
import { findMail, latestMails, type OutboxMail } from "./outbox.repository.js";

/** Whether this request may see the dev mailbox: no SMTP server, not production, and asked from this very machine. */
export function mailboxOpen(c: Context<AppEnv>): boolean {
  const { config, mailer } = c.get("deps");
  const from = socketAddress(c);
  return !mailer.transport && config.NODE_ENV !== "production" && from !== null && isLoopback(from);
}

/** Shows what would have been sent. Sign-in links are in it, so it is nobody else's to read. */
export const mailboxRoutes = new Hono<AppEnv>()
  .use(async (c, next) => {
    if (!mailboxOpen(c)) throw notFound();
    await next();
  })
  .get("/", async (c) => {
    const mails = await latestMails(c.get("deps").db, c.get("tenant").id, 100);
    return render(c, c.get("t")("mailbox.title"), <MailboxPage rows={mails} />);
  })
  .get("/:id", async (c) => {
    const mail = await findMail(c.get("deps").db, c.get("tenant").id, c.req.param("id"));
    if (!mail) throw notFound();
    return render(c, mail.subject, <MailPage mail={mail} />);
  })
  .get("/:id/attachments/:n", async (c) => {
    const mail = await findMail(c.get("deps").db, c.get("tenant").id, c.req.param("id"));
    const file = mail?.attachments[Number(c.req.param("n"))];
    if (!file) throw notFound();
    return c.body(file.content, 200, { "Content-Type": file.contentType, "Content-Disposition": `attachment; filename="${file.filename}"` });
  });

function MailboxPage(props: { rows: OutboxMail[] }) {
  const { t, fmt } = usePage();
  return (
    <div class="stack">
      <Heading>{t("mailbox.title")}</Heading>
      <Alert color="warning">{t("mailbox.devOnly")}</Alert>
      {props.rows.length === 0 ? (
        <EmptyState title="mailbox.empty" />
      ) : (
        <DataTable
          caption={t("mailbox.title")}
          rows={props.rows}
          columns={[
            { key: "when", label: "audit.when", cell: (r) => fmt.dateTime(r.createdAt) },
            { key: "to", label: "mailbox.to", cell: (r) => r.to },
            { key: "subject", label: "mailbox.subject", cell: (r) => <Link href={`/dev/mailbox/${r.id}`}>{r.subject}</Link> },
          ]}
        />
      )}
    </div>
  );
}

function MailPage(props: { mail: OutboxMail }) {
  const { t } = usePage();
  const links = [...new Set(props.mail.text.match(/https?:\/\/\S+/g) ?? [])];
  return (
    <div class="stack">
      <Heading>{props.mail.subject}</Heading>
      <P>{t("mailbox.toLine", { email: props.mail.to })}</P>
      <div class="mail-body">{props.mail.text}</div>
      {props.mail.attachments.map((a, n) => (
        <P>
          {t("mailbox.attachment")} <Link href={`/dev/mailbox/${props.mail.id}/attachments/${n}`}>{a.filename}</Link>
        </P>
      ))}
      {links.length > 0 && (
        <>
          <Heading level={2} size="sm">
            {t("mailbox.links")}
          </Heading>
          <ul class="ds-list">
            {links.map((l) => (
              <li>
                <Link href={l}>{l}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
      <Link href="/dev/mailbox">{t("mailbox.back")}</Link>
    </div>
  );
}
