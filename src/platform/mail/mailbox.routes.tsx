import { type Context, Hono } from "hono";
import { isLoopback } from "../../config.js";
import type { AppEnv } from "../http/env.js";
import { notFound } from "../http/errors.js";
import { socketAddress } from "../http/middleware.js";
import { render } from "../http/render.js";
import { formatDateTime } from "../i18n/i18n.js";
import { Alert, DataTable, EmptyState, Heading, Link, P } from "../ui/components.js";
import { usePage } from "../ui/page-context.js";
import { attachmentsOf } from "./outbox.js";

type MailRow = { id: string; to_address: string; subject: string; created_at: string; status: string; text?: string; attachments?: string | null };

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
    const rows = await c
      .get("deps")
      .db.selectFrom("mail_outbox")
      .select(["id", "to_address", "subject", "created_at", "status"])
      .where("tenant_id", "=", c.get("tenant").id)
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .limit(100)
      .execute();
    return render(c, c.get("t")("mailbox.title"), <MailboxPage rows={rows} />);
  })
  .get("/:id", async (c) => {
    const mail = await c
      .get("deps")
      .db.selectFrom("mail_outbox")
      .select(["id", "to_address", "subject", "created_at", "status", "text", "attachments"])
      .where("tenant_id", "=", c.get("tenant").id)
      .where("id", "=", c.req.param("id"))
      .executeTakeFirst();
    if (!mail) throw notFound();
    return render(c, mail.subject, <MailPage mail={mail} />);
  })
  .get("/:id/attachments/:n", async (c) => {
    const mail = await c
      .get("deps")
      .db.selectFrom("mail_outbox")
      .select("attachments")
      .where("tenant_id", "=", c.get("tenant").id)
      .where("id", "=", c.req.param("id"))
      .executeTakeFirst();
    const file = attachmentsOf(mail?.attachments ?? null)[Number(c.req.param("n"))];
    if (!file) throw notFound();
    return c.body(file.content, 200, { "Content-Type": file.contentType, "Content-Disposition": `attachment; filename="${file.filename}"` });
  });

function MailboxPage(props: { rows: MailRow[] }) {
  const { t, lang, tenant } = usePage();
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
            { key: "when", label: "audit.when", cell: (r) => formatDateTime(lang, r.created_at, tenant.timeZone) },
            { key: "to", label: "mailbox.to", cell: (r) => r.to_address },
            { key: "subject", label: "mailbox.subject", cell: (r) => <Link href={`/dev/mailbox/${r.id}`}>{r.subject}</Link> },
          ]}
        />
      )}
    </div>
  );
}

function MailPage(props: { mail: MailRow }) {
  const { t } = usePage();
  const links = [...new Set(props.mail.text?.match(/https?:\/\/\S+/g) ?? [])];
  return (
    <div class="stack">
      <Heading>{props.mail.subject}</Heading>
      <P>{t("mailbox.toLine", { email: props.mail.to_address })}</P>
      <div class="mail-body">{props.mail.text}</div>
      {attachmentsOf(props.mail.attachments ?? null).map((a, n) => (
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
