import type { FieldErrors } from "../../../platform/http/errors.js";
import { kindLabels } from "../../../platform/search/labels.js";
import {
  Alert,
  Button,
  ButtonLink,
  DataTable,
  EmptyState,
  ErrorSummary,
  Field,
  Form,
  Heading,
  Link,
  P,
  ValidationMessage,
} from "../../../platform/ui/components.js";
import { usePage } from "../../../platform/ui/page-context.js";
import { type Match, ReasonList } from "../../matching/index.js";
import type { BridgePick, BridgeReferral, Need, SharedDetails, ShareField } from "../bridge.model.js";
import { needLabels, pickKindLabels, referralStatusLabels, shareFieldLabels } from "../handover.labels.js";
import { SharedFacts } from "./referral-views.js";

/** A suggestion as the page shows it: the match, whether it is picked, whether its association welcomes support. */
export interface ShownSuggestion {
  match: Match;
  picked: boolean;
  supportedWelcome: boolean;
}

/** A search box result: what it is, and whether it is picked already. */
export interface FoundItem {
  kind: BridgePick["kind"];
  id: string;
  title: string;
  subtitle: string;
  url: string;
  picked: boolean;
  supportedWelcome: boolean;
}

function SupportedWelcome() {
  const { t } = usePage();
  return (
    <p class="ds-paragraph">
      <span class="ds-tag" data-color="success">
        {t("search.accessibility.supported_welcome")}
      </span>
    </p>
  );
}

function AddPick(props: { caseId: string; kind: string; targetId: string; pickedBy: "matching" | "builder"; title: string; picked: boolean }) {
  const { t } = usePage();
  if (props.picked) return <P class="picked">{t("bridge.pick.picked")}</P>;
  return (
    <Form action={`/bridge/cases/${props.caseId}/suggestions`} class="inline-form" aria-label={t("bridge.pick.addTo", { title: props.title })}>
      <input type="hidden" name="action" value="add" />
      <input type="hidden" name="kind" value={props.kind} />
      <input type="hidden" name="targetId" value={props.targetId} />
      <input type="hidden" name="pickedBy" value={props.pickedBy} />
      <Button variant="secondary" size="sm">
        {t("bridge.pick.add")}
      </Button>
    </Form>
  );
}

export function SuggestionsPage(props: {
  caseId: string;
  firstName: string;
  suggestions: ShownSuggestion[];
  picks: BridgePick[];
  toCheck: Need[];
  found: FoundItem[] | null;
  q: string;
  errors?: FieldErrors;
}) {
  const { t } = usePage();
  const errors = props.errors ?? {};
  const anyChosen = props.picks.some((p) => p.chosen);
  return (
    <div class="stack">
      <P>
        <Link href={`/bridge/cases/${props.caseId}`}>{t("bridge.backToCase")}</Link>
      </P>
      <Heading>{t("bridge.suggest.title", { name: props.firstName })}</Heading>
      <P>{t("bridge.suggest.intro")}</P>
      <ErrorSummary errors={errors} />

      <section class="stack" aria-labelledby="picks-heading">
        <Heading level={2} size="md">
          <span id="picks-heading">{t("bridge.pick.heading")}</span>
        </Heading>
        {props.picks.length === 0 ? (
          <P>{t("bridge.pick.none")}</P>
        ) : (
          <>
            <ValidationMessage error={errors.pickId} />
            <DataTable
              caption={t("bridge.pick.heading")}
              rows={props.picks}
              columns={[
                { key: "title", label: "bridge.pick.what", cell: (p) => p.title },
                { key: "kind", label: "bridge.pick.kind", cell: (p) => t(pickKindLabels[p.kind]) },
                { key: "by", label: "bridge.pick.by", cell: (p) => t(p.pickedBy === "matching" ? "bridge.pick.byMatching" : "bridge.pick.byBuilder") },
                {
                  key: "chosen",
                  label: "bridge.pick.chosen",
                  cell: (p) => (
                    <Form action={`/bridge/cases/${props.caseId}/suggestions`} class="inline-form" aria-label={p.title}>
                      <input type="hidden" name="pickId" value={p.id} />
                      {p.chosen ? (
                        <>
                          <span class="ds-tag" data-color="success">
                            {t("bridge.pick.isChosen")}
                          </span>{" "}
                          <Button variant="tertiary" size="sm" name="action" value="unchoose">
                            {t("bridge.pick.unchoose")}
                          </Button>
                        </>
                      ) : (
                        <Button variant="secondary" size="sm" name="action" value="choose">
                          {t("bridge.pick.choose")}
                        </Button>
                      )}
                    </Form>
                  ),
                },
              ]}
            />
          </>
        )}
        {anyChosen && <ButtonLink href={`/bridge/cases/${props.caseId}/handover`}>{t("bridge.handover.go")}</ButtonLink>}
      </section>

      {props.toCheck.length > 0 && (
        <Alert color="info">
          <Heading level={2} size="sm">
            {t("bridge.suggest.toCheck")}
          </Heading>
          <ul class="ds-list">
            {props.toCheck.map((n) => (
              <li>{t(needLabels[n])}</li>
            ))}
          </ul>
        </Alert>
      )}

      <section class="stack" aria-labelledby="suggested-heading">
        <Heading level={2} size="md">
          <span id="suggested-heading">{t("bridge.suggest.ranked")}</span>
        </Heading>
        {props.suggestions.length === 0 ? (
          <EmptyState title="bridge.suggest.none" text="bridge.suggest.noneText" />
        ) : (
          <ol class="ds-list--unstyled stack matches">
            {props.suggestions.map((s) => (
              <li class="ds-card">
                <P class="kind">{t(kindLabels[s.match.doc.kind])}</P>
                <h3 class="ds-heading" data-size="sm">
                  <Link href={s.match.doc.url}>{s.match.doc.title}</Link>
                </h3>
                <P>{s.match.doc.subtitle}</P>
                {s.supportedWelcome && <SupportedWelcome />}
                <ReasonList match={s.match} />
                <AddPick
                  caseId={props.caseId}
                  kind={s.match.doc.kind}
                  targetId={s.match.doc.id}
                  pickedBy="matching"
                  title={s.match.doc.title}
                  picked={s.picked}
                />
              </li>
            ))}
          </ol>
        )}
      </section>

      <section class="stack" aria-labelledby="find-heading">
        <Heading level={2} size="md">
          <span id="find-heading">{t("bridge.find.heading")}</span>
        </Heading>
        <Form action={`/bridge/cases/${props.caseId}/suggestions`} method="get" class="stack" aria-label={t("bridge.find.heading")}>
          <Field name="q" type="search" label="bridge.find.label" hint="bridge.find.hint" value={props.q} required error={errors.targetId} />
          <Button variant="secondary">{t("bridge.find.button")}</Button>
        </Form>
        {props.found !== null &&
          (props.found.length === 0 ? (
            <P>{t("bridge.find.none")}</P>
          ) : (
            <ul class="ds-list--unstyled stack">
              {props.found.map((f) => (
                <li class="ds-card">
                  <P class="kind">{t(kindLabels[f.kind as keyof typeof kindLabels])}</P>
                  <h3 class="ds-heading" data-size="xs">
                    <Link href={f.url}>{f.title}</Link>
                  </h3>
                  <P>{f.subtitle}</P>
                  {f.supportedWelcome && <SupportedWelcome />}
                  <AddPick caseId={props.caseId} kind={f.kind} targetId={f.id} pickedBy="builder" title={f.title} picked={f.picked} />
                </li>
              ))}
            </ul>
          ))}
      </section>
    </div>
  );
}

/** One referral sent for the case, as its bridge-builder follows it. */
export interface SentReferral {
  referral: BridgeReferral;
  associationName: string;
  mayWithdraw: boolean;
  mayMarkMet: boolean;
}

export function HandoverPage(props: {
  caseId: string;
  firstName: string;
  chosen: { id: string; title: string; associationName: string }[];
  withoutAssociation: string[];
  shareable: ShareField[];
  /** The person agreed that something may be shared, though perhaps not yet what. */
  sharingAgreed: boolean;
  allSent: boolean;
  values: { pickId: string; fields: ShareField[] };
  /** What the association would see with the fields ticked: shown after "preview". */
  preview: SharedDetails | null;
  sent: SentReferral[];
  today: string;
  errors?: FieldErrors;
}) {
  const { t, fmt } = usePage();
  const errors = props.errors ?? {};
  const action = `/bridge/cases/${props.caseId}/handover`;
  const meetingWhen = (at: string) => `${fmt.date(at.slice(0, 10))} ${fmt.time(at.slice(11, 16))}`;
  return (
    <div class="stack">
      <P>
        <Link href={`/bridge/cases/${props.caseId}`}>{t("bridge.backToCase")}</Link>
      </P>
      <Heading>{t("bridge.handover.title", { name: props.firstName })}</Heading>
      <P>{t("bridge.handover.intro")}</P>
      <ErrorSummary errors={errors} />

      {props.sent.length > 0 && (
        <section class="stack" aria-labelledby="sent-heading">
          <Heading level={2} size="md">
            <span id="sent-heading">{t("bridge.handover.sent")}</span>
          </Heading>
          <ul class="ds-list--unstyled stack">
            {props.sent.map((s) => (
              <li class="ds-card stack">
                <h3 class="ds-heading" data-size="xs">
                  <Link href={`/bridge/referrals/${s.referral.id}`}>{s.associationName}</Link>
                </h3>
                <P>
                  <span class="ds-tag" data-color={s.referral.status === "declined" ? "danger" : s.referral.status === "accepted" ? "success" : "info"}>
                    {t(referralStatusLabels[s.referral.status])}
                  </span>{" "}
                  {t("bridge.handover.sentOn", { date: fmt.date(s.referral.sentAt.slice(0, 10)) })}
                </P>
                {s.referral.firstMeetingAt && (
                  <P>{t("bridge.referral.meetingAt", { when: meetingWhen(s.referral.firstMeetingAt), place: s.referral.meetingPlace ?? "" })}</P>
                )}
                {s.referral.metAt && <P>{t("bridge.referral.metOn", { date: fmt.date(s.referral.metAt) })}</P>}
                {s.mayMarkMet && (
                  <Form action={`/bridge/referrals/${s.referral.id}/met`} class="stack" aria-label={t("bridge.referral.met")}>
                    <input type="hidden" name="from" value={action} />
                    <Field
                      name="metOn"
                      id={`metOn-${s.referral.id}`}
                      type="date"
                      label="bridge.referral.metOnLabel"
                      value={props.today}
                      required
                      error={errors.metOn}
                    />
                    <Button variant="secondary">{t("bridge.referral.met")}</Button>
                  </Form>
                )}
                {s.mayWithdraw && (
                  <Form action={action} class="inline-form" aria-label={t("bridge.handover.withdraw")}>
                    <input type="hidden" name="action" value="withdraw" />
                    <input type="hidden" name="referralId" value={s.referral.id} />
                    <Button variant="tertiary" color="danger" size="sm">
                      {t("bridge.handover.withdraw")}
                    </Button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section class="stack" aria-labelledby="send-heading">
        <Heading level={2} size="md">
          <span id="send-heading">{t("bridge.handover.send")}</span>
        </Heading>
        {props.withoutAssociation.length > 0 && (
          <Alert color="info">{t("bridge.handover.noAssociation", { titles: fmt.list(props.withoutAssociation) })}</Alert>
        )}
        {props.allSent ? (
          <P>
            {t("bridge.handover.allSent")} <Link href={`/bridge/cases/${props.caseId}/suggestions`}>{t("bridge.suggest.go")}</Link>
          </P>
        ) : props.chosen.length === 0 ? (
          <EmptyState
            title="bridge.handover.noneChosen"
            text="bridge.handover.noneChosenText"
            action={<ButtonLink href={`/bridge/cases/${props.caseId}/suggestions`}>{t("bridge.suggest.go")}</ButtonLink>}
          />
        ) : props.shareable.length === 0 ? (
          <Alert color="warning">
            {props.sharingAgreed ? (
              <>
                {t("bridge.handover.noFields")} <Link href={`/bridge/cases/${props.caseId}/intake`}>{t("bridge.step.intake")}</Link>
              </>
            ) : (
              t("bridge.handover.noConsent")
            )}
          </Alert>
        ) : (
          <Form action={action} class="stack form" aria-label={t("bridge.handover.send")}>
            <fieldset class="ds-fieldset" aria-describedby={errors.pickId ? "pick-error" : undefined}>
              <legend class="ds-label">{t("bridge.handover.which")}</legend>
              {props.chosen.map((p) => (
                <div class="ds-field">
                  <input class="ds-input" type="radio" name="pickId" value={p.id} id={`f-pickId-${p.id}`} checked={props.values.pickId === p.id} />
                  <label class="ds-label" for={`f-pickId-${p.id}`}>
                    {t("bridge.handover.pickAt", { title: p.title, association: p.associationName })}
                  </label>
                </div>
              ))}
              <ValidationMessage id="pick-error" error={errors.pickId} />
            </fieldset>
            <fieldset class="ds-fieldset" aria-describedby={errors.fields ? "fields-error" : "fields-hint"}>
              <legend class="ds-label">{t("bridge.handover.fields")}</legend>
              <div class="ds-paragraph" data-field="description" id="fields-hint">
                {t("bridge.handover.fieldsHint")}
              </div>
              {props.shareable.map((f) => (
                <div class="ds-field">
                  <input class="ds-input" type="checkbox" name="fields" value={f} id={`f-fields-${f}`} checked={props.values.fields.includes(f)} />
                  <label class="ds-label" for={`f-fields-${f}`}>
                    {t(shareFieldLabels[f])}
                  </label>
                </div>
              ))}
              <ValidationMessage id="fields-error" error={errors.fields} />
            </fieldset>
            {props.preview && (
              <section class="stack" aria-labelledby="preview-heading">
                <Heading level={3} size="sm">
                  <span id="preview-heading">{t("bridge.handover.preview")}</span>
                </Heading>
                <SharedFacts shared={props.preview} />
              </section>
            )}
            <div class="actions">
              <Button variant="secondary" name="action" value="preview">
                {t("bridge.handover.showPreview")}
              </Button>{" "}
              <Button variant="primary" name="action" value="send">
                {t("bridge.handover.sendButton")}
              </Button>
            </div>
          </Form>
        )}
      </section>
    </div>
  );
}
