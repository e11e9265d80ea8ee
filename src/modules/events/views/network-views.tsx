import type { FieldErrors } from "../../../platform/http/errors.js";
import {
  Alert,
  Button,
  ButtonLink,
  EmptyState,
  ErrorSummary,
  excerptOf,
  Field,
  Form,
  Heading,
  Link,
  P,
  Select,
  ValidationMessage,
} from "../../../platform/ui/components.js";
import { Breadcrumbs, type Fact, FactBox, Paragraphs } from "../../../platform/ui/detail.js";
import { usePage } from "../../../platform/ui/page-context.js";
import { sessionText } from "../event-times.js";
import type { CommunityEvent } from "../events.model.js";
import type { Network, NetworkMember } from "../network.model.js";
import type { MeetingPage, NetworkPage as NetworkPageData } from "../network-meetings.js";
import type { Invitation } from "../network-members.js";
import { PlacesLeft, placeOf } from "./event-views.js";

type FormState = { values: Record<string, string>; errors: FieldErrors };

/** The networks a person belongs to; staff see all and start one. */
export function NetworksPage(props: { networks: Network[]; mayCreate: boolean; form?: FormState }) {
  const { t } = usePage();
  const v = props.form?.values ?? {};
  const errors = props.form?.errors ?? {};
  return (
    <div class="stack networks">
      <Heading>{t("networks.title")}</Heading>
      <P>{t("networks.intro")}</P>
      {props.networks.length ? (
        <ul class="networks-list">
          {props.networks.map((n) => (
            <li class="ds-card">
              <Heading level={2} size="sm">
                <Link href={`/networks/${n.id}`}>{n.name}</Link>
              </Heading>
              {n.description && <P>{excerptOf(n.description, 200)}</P>}
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState title="networks.empty.title" text={props.mayCreate ? "networks.empty.staff" : "networks.empty.text"} />
      )}
      {props.mayCreate && (
        <section class="stack" aria-labelledby="new-network">
          <Heading level={2} size="md">
            <span id="new-network">{t("networks.new.title")}</span>
          </Heading>
          <ErrorSummary errors={errors} />
          <Form action="/networks">
            <Field name="name" label="networks.name" required value={v.name} error={errors.name} />
            <Field
              name="description"
              label="networks.description"
              hint="networks.description.hint"
              multiline
              value={v.description}
              error={errors.description}
            />
            <div class="actions">
              <Button variant="primary">{t("networks.new.create")}</Button>
            </div>
          </Form>
        </section>
      )}
    </div>
  );
}

function MeetingList(props: { networkId: string; meetings: CommunityEvent[]; empty: "networks.meetings.noneUpcoming" | "networks.meetings.nonePast" }) {
  const { t, fmt, tenant } = usePage();
  if (!props.meetings.length) return <P>{t(props.empty)}</P>;
  return (
    <ul class="networks-meetings">
      {props.meetings.map((e) => (
        <li class="ds-card">
          <Link href={`/networks/${props.networkId}/meetings/${e.id}`}>{e.title}</Link>
          <span class="networks-meta">
            {e.sessions[0] ? sessionText(fmt, tenant.timeZone, e.sessions[0]) : fmt.when(e.startsAt)}
            {" · "}
            {e.place === "online" ? t("networks.meeting.online") : placeOf(e)}
          </span>
          {e.status === "cancelled" && (
            <span class="ds-tag" data-color="danger">
              {t("eventForm.status.cancelled")}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

function MemberList(props: { networkId: string; members: NetworkMember[]; mayOrganise: boolean }) {
  const { t } = usePage();
  return (
    <ul class="networks-members">
      {props.members.map((m) => (
        <li>
          <span class="networks-member">
            <strong>{m.name}</strong>
            {m.organisation && <span>{m.organisation}</span>}
          </span>
          <span class="networks-tags">
            {m.role === "organiser" && (
              <span class="ds-tag" data-color="accent">
                {t("networks.role.organiser")}
              </span>
            )}
            {!m.joinedAt && (
              <span class="ds-tag" data-color="warning">
                {t("networks.member.invited")}
              </span>
            )}
          </span>
          {props.mayOrganise && (
            <Form action={`/networks/${props.networkId}/members/${m.id}/remove`} class="networks-inline">
              <Button variant="tertiary">{t(m.joinedAt ? "networks.member.remove" : "networks.member.withdraw", { name: m.name })}</Button>
            </Form>
          )}
        </li>
      ))}
    </ul>
  );
}

/** A network's page: what it is, its meetings, its members, inviting, and the calendar feed. */
export function NetworkPage(props: { page: NetworkPageData; invite?: FormState }) {
  const { t, tenant } = usePage();
  const p = props.page;
  const v = props.invite?.values ?? { role: "member" };
  const errors = props.invite?.errors ?? {};
  const joined = p.members.filter((m) => m.joinedAt).length;
  const invited = p.members.length - joined;
  const feed = p.feedKey ? `/networks/${p.network.id}/calendar.ics?key=${encodeURIComponent(p.feedKey)}` : null;
  return (
    <div class="stack networks">
      <Breadcrumbs trail={[{ href: "/networks", label: t("networks.title") }]} current={p.network.name} />
      <Heading>{p.network.name}</Heading>
      {p.network.description && <Paragraphs text={p.network.description} />}

      <section class="stack" aria-labelledby="upcoming">
        <Heading level={2} size="md">
          <span id="upcoming">{t("networks.meetings.upcoming")}</span>
        </Heading>
        <MeetingList networkId={p.network.id} meetings={p.upcoming} empty="networks.meetings.noneUpcoming" />
        {p.mayPlan && (
          <div class="actions">
            <ButtonLink href={`/networks/${p.network.id}/meetings/new`} variant="primary">
              {t("networks.meetings.plan")}
            </ButtonLink>
          </div>
        )}
      </section>

      {p.past.length > 0 && (
        <section class="stack" aria-labelledby="past">
          <Heading level={2} size="md">
            <span id="past">{t("networks.meetings.past")}</span>
          </Heading>
          <MeetingList networkId={p.network.id} meetings={p.past} empty="networks.meetings.nonePast" />
        </section>
      )}

      <section class="stack" aria-labelledby="members">
        <Heading level={2} size="md">
          <span id="members">
            {t("networks.members", { count: joined })}
            {invited > 0 && ` ${t("networks.members.invited", { count: invited })}`}
          </span>
        </Heading>
        <MemberList networkId={p.network.id} members={p.members} mayOrganise={p.mayOrganise} />
      </section>

      {p.mayOrganise && (
        <section class="stack" aria-labelledby="invite">
          <Heading level={2} size="md">
            <span id="invite">{t("networks.invite.title")}</span>
          </Heading>
          <P>{t("networks.invite.intro", { tenant: tenant.name })}</P>
          <ErrorSummary errors={errors} />
          <Form action={`/networks/${p.network.id}/members`}>
            <Field name="name" label="networks.invite.name" required value={v.name} error={errors.name} autocomplete="off" />
            <Field name="email" label="networks.invite.email" type="email" required value={v.email} error={errors.email} autocomplete="off" />
            <Field
              name="organisation"
              label="networks.invite.organisation"
              hint="networks.invite.organisation.hint"
              value={v.organisation}
              error={errors.organisation}
            />
            <Select
              name="role"
              label="networks.invite.role"
              value={v.role}
              error={errors.role}
              options={[
                { value: "member", label: t("networks.role.member") },
                { value: "organiser", label: t("networks.role.organiser") },
              ]}
            />
            <div class="actions">
              <Button variant="primary">{t("networks.invite.send")}</Button>
            </div>
          </Form>
        </section>
      )}

      {feed && (
        <section class="stack ds-card networks-feed" aria-labelledby="feed">
          <Heading level={2} size="sm">
            <span id="feed">{t("networks.feed.title")}</span>
          </Heading>
          <P>{t("networks.feed.how")}</P>
          <P>
            <Link href={feed}>{t("networks.feed.link")}</Link>
          </P>
          <P class="networks-meta">{t("networks.feed.private")}</P>
        </section>
      )}
    </div>
  );
}

/** A meeting for its members: when and where, the agenda (to add to until it starts), the minutes and files. */
export function MeetingPageView(props: { page: MeetingPage; point?: FormState; minutes?: FormState; file?: FormState }) {
  const { t, fmt, tenant } = usePage();
  const p = props.page;
  const e = p.event;
  const pv = props.point?.values ?? {};
  const pe = props.point?.errors ?? {};
  const me = props.minutes?.errors ?? {};
  const fe = props.file?.errors ?? {};
  const base = `/networks/${p.network.id}/meetings/${e.id}`;
  const facts: Fact[] = [
    ["event.when", e.sessions.map((s) => sessionText(fmt, tenant.timeZone, s)).join("; ")],
    [
      "event.where",
      e.place === "online" ? e.onlineUrl && !p.ended ? <Link href={e.onlineUrl}>{t("networks.meeting.join")}</Link> : t("event.online") : placeOf(e),
    ],
    ["event.places", e.status !== "cancelled" && !p.ended && <PlacesLeft o={p.occupancy} />],
  ];
  return (
    <div class="stack networks">
      <Breadcrumbs
        trail={[
          { href: "/networks", label: t("networks.title") },
          { href: `/networks/${p.network.id}`, label: p.network.name },
        ]}
        current={e.title}
      />
      <Heading>{e.title}</Heading>
      {e.status === "cancelled" && <Alert color="warning">{t("event.cancelledNotice")}</Alert>}
      <FactBox facts={facts} />
      {e.description && <Paragraphs text={e.description} />}
      {e.status !== "cancelled" && p.agendaOpen && (
        <div class="actions">
          <ButtonLink href={`/events/${e.id}`}>{t("networks.meeting.register")}</ButtonLink>
        </div>
      )}

      <section class="stack" aria-labelledby="agenda">
        <Heading level={2} size="md">
          <span id="agenda">{t("networks.agenda.title")}</span>
        </Heading>
        {p.agenda.length ? (
          <ol class="networks-agenda">
            {p.agenda.map((a, i) => (
              <li class="ds-card">
                <strong>{a.title}</strong>
                {a.text && <Paragraphs text={a.text} />}
                {a.authorName && <span class="networks-meta">{t("networks.agenda.by", { name: a.authorName })}</span>}
                {p.mayOrganise && !p.ended && (
                  <div class="networks-row-actions">
                    {i > 0 && (
                      <Form action={`${base}/agenda/${a.id}/move`} class="networks-inline">
                        <input type="hidden" name="direction" value="up" />
                        <Button variant="tertiary">
                          {t("networks.agenda.up")}
                          <span class="ds-sr-only"> {a.title}</span>
                        </Button>
                      </Form>
                    )}
                    {i < p.agenda.length - 1 && (
                      <Form action={`${base}/agenda/${a.id}/move`} class="networks-inline">
                        <input type="hidden" name="direction" value="down" />
                        <Button variant="tertiary">
                          {t("networks.agenda.down")}
                          <span class="ds-sr-only"> {a.title}</span>
                        </Button>
                      </Form>
                    )}
                    <Form action={`${base}/agenda/${a.id}/remove`} class="networks-inline">
                      <Button variant="tertiary">
                        {t("networks.agenda.remove")}
                        <span class="ds-sr-only"> {a.title}</span>
                      </Button>
                    </Form>
                  </div>
                )}
              </li>
            ))}
          </ol>
        ) : (
          <P>{t(p.agendaOpen ? "networks.agenda.empty" : "networks.agenda.none")}</P>
        )}
        {p.mayAddPoint && (
          <Form action={`${base}/agenda`} class="form stack networks-point">
            <Heading level={3} size="sm">
              {t("networks.agenda.add")}
            </Heading>
            <ErrorSummary errors={pe} />
            <Field name="title" label="networks.agenda.pointTitle" required value={pv.title} error={pe.title} />
            <Field name="text" label="networks.agenda.pointText" hint="networks.agenda.pointText.hint" multiline value={pv.text} error={pe.text} />
            <div class="actions">
              <Button variant="primary">{t("networks.agenda.submit")}</Button>
            </div>
          </Form>
        )}
      </section>

      <section class="stack" aria-labelledby="minutes">
        <Heading level={2} size="md">
          <span id="minutes">{t("networks.minutes.title")}</span>
        </Heading>
        {p.minutes ? (
          <>
            <Paragraphs text={p.minutes.text} />
            <P class="networks-meta">{t("networks.minutes.updated", { when: fmt.dateTime(p.minutes.updatedAt) })}</P>
          </>
        ) : (
          <P>{t("networks.minutes.none")}</P>
        )}
        <Heading level={3} size="sm">
          <span id="files">{t("networks.files.title")}</span>
        </Heading>
        {p.files.length ? (
          <ul class="networks-files">
            {p.files.map((f) => (
              <li>
                <Link href={`${base}/files/${f.id}`} download>
                  {f.name}
                </Link>
                <span class="networks-meta">{t("networks.files.size", { size: fmt.number(Math.max(1, Math.round(f.size / 1024))) })}</span>
                {p.mayOrganise && (
                  <Form action={`${base}/files/${f.id}/remove`} class="networks-inline">
                    <Button variant="tertiary">{t("networks.files.remove", { name: f.name })}</Button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <P>{t("networks.files.none")}</P>
        )}
        {p.mayOrganise && (
          <Form action={`${base}/files`} multipart class="form stack networks-point">
            <ErrorSummary errors={fe} />
            <div class="ds-field">
              <label class="ds-label" for="f-file">
                {t("networks.files.add")}
              </label>
              <div class="ds-paragraph" data-field="description" id="f-file-hint">
                {t("networks.files.hint")}
              </div>
              <input
                class="ds-input"
                type="file"
                id="f-file"
                name="file"
                aria-describedby="f-file-hint"
                accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.pptx,.odt,.ods,.odp"
              />
              <ValidationMessage error={fe.file} />
            </div>
            <div class="actions">
              <Button variant="secondary">{t("networks.files.upload")}</Button>
            </div>
          </Form>
        )}
        {p.mayOrganise && p.minutesOpen && (
          <Form action={`${base}/minutes`} class="form stack">
            <ErrorSummary errors={me} />
            <Field
              name="text"
              label={p.minutes ? "networks.minutes.edit" : "networks.minutes.write"}
              hint="networks.minutes.hint"
              required
              multiline
              value={props.minutes?.values.text ?? p.minutes?.text ?? ""}
              error={me.text}
            />
            <div class="actions">
              <Button variant="primary">{t(p.minutes ? "form.save" : "networks.minutes.publish")}</Button>
            </div>
          </Form>
        )}
      </section>
    </div>
  );
}

/** The invitation's link: join with the account she has here, or make one with a name and a password. */
export function JoinPage(props: { invitation: Invitation | null; token: string; signedInAs: string | null; form?: FormState }) {
  const { t } = usePage();
  const inv = props.invitation;
  if (!inv) {
    return (
      <div class="stack">
        <Heading>{t("auth.linkInvalid.title")}</Heading>
        <P>{t("networks.join.invalid")}</P>
      </div>
    );
  }
  const errors = props.form?.errors ?? {};
  const next = `/networks/join?token=${encodeURIComponent(props.token)}`;
  return (
    <div class="stack form networks-join">
      <Heading>{t("networks.join.title", { network: inv.network.name })}</Heading>
      <P>{t("networks.join.for", { email: inv.member.email })}</P>
      {inv.network.description && <Paragraphs text={inv.network.description} />}
      {props.signedInAs ? (
        props.signedInAs.toLowerCase() === inv.member.email ? (
          <Form action="/networks/join">
            <input type="hidden" name="token" value={props.token} />
            <Button variant="primary">{t("networks.join.accept")}</Button>
          </Form>
        ) : (
          <Alert color="warning">{t("networks.join.wrongAccount")}</Alert>
        )
      ) : inv.hasAccount ? (
        <>
          <P>{t("networks.join.signIn")}</P>
          <div class="actions">
            <ButtonLink href={`/sign-in?next=${encodeURIComponent(next)}`} variant="primary">
              {t("auth.signIn")}
            </ButtonLink>
          </div>
        </>
      ) : (
        <>
          <P>{t("networks.join.create")}</P>
          <ErrorSummary errors={errors} />
          <Form action="/networks/join/account">
            <input type="hidden" name="token" value={props.token} />
            <Field name="name" label="networks.join.name" required value={props.form?.values.name ?? inv.member.name} error={errors.name} autocomplete="name" />
            <Field
              name="password"
              label="networks.join.password"
              hint="networks.join.password.hint"
              type="password"
              required
              error={errors.password}
              autocomplete="new-password"
            />
            <div class="actions">
              <Button variant="primary">{t("networks.join.createAccount")}</Button>
            </div>
          </Form>
        </>
      )}
    </div>
  );
}
