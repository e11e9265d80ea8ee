import { Button, EmptyState, Form, Heading, Link, P } from "../../../platform/ui/components.js";
import { Paragraphs } from "../../../platform/ui/detail.js";
import { usePage } from "../../../platform/ui/page-context.js";
import { PartOfAgreements } from "../../agreements/index.js";
import type { Scheme } from "../grants.model.js";
import type { OpenRound, OpenScheme } from "../schemes.js";

/** The board's way in: an "Apply" button per round, with the association to apply for. */
function ApplyForm(props: { round: OpenRound; associations: { id: string; name: string }[] }) {
  const { t } = usePage();
  const id = `association-${props.round.round.id}`;
  return (
    <Form action={`/grants/apply/${props.round.round.id}`} class="actions">
      {props.associations.length === 1 ? (
        <input type="hidden" name="association" value={props.associations[0]?.id} />
      ) : (
        <div class="ds-field">
          <label class="ds-label" for={id}>
            {t("grants.open.applyFor")}
          </label>
          <select class="ds-input" id={id} name="association">
            {props.associations.map((a) => (
              <option value={a.id}>{a.name}</option>
            ))}
          </select>
        </div>
      )}
      <Button>{props.associations.length === 1 ? t("grants.open.applyAs", { association: props.associations[0]?.name ?? "" }) : t("grants.open.apply")}</Button>
    </Form>
  );
}

function Rounds(props: { rounds: OpenRound[]; associations: { id: string; name: string }[] | null }) {
  const { t, fmt } = usePage();
  if (props.rounds.length === 0) return <P>{t("grants.open.noRound")}</P>;
  return (
    <ul class="stack">
      {props.rounds.map((r) => (
        <li class="stack">
          <div>
            <strong>{r.round.title}</strong>:{" "}
            {r.round.deadlineAt ? t("grants.round.deadlineAt", { when: fmt.when(r.round.deadlineAt) }) : t("grants.round.allYear")}
            {r.round.secondDeadlineAt && <> · {t("grants.round.secondDeadlineAt", { when: fmt.when(r.round.secondDeadlineAt) })}</>}
          </div>
          {!r.takes && <div>{t("grants.open.opensOn", { date: fmt.date(r.opensOn) })}</div>}
          {r.takes && props.associations && props.associations.length > 0 && <ApplyForm round={r} associations={props.associations} />}
        </li>
      ))}
    </ul>
  );
}

function Facts(props: { scheme: Scheme; currency: string }) {
  const { t, fmt } = usePage();
  return (
    <dl class="detail-facts">
      <div class="detail-fact">
        <dt>{t("grants.scheme.whoMayApply")}</dt>
        <dd>
          {props.scheme.whoMayApply}
          {props.scheme.requiresRegistration && <> {t("grants.open.registeredOnly")}</>}
        </dd>
      </div>
      <div class="detail-fact">
        <dt>{t("grants.scheme.maxAmount")}</dt>
        <dd>{fmt.money(props.scheme.maxAmount, props.currency)}</dd>
      </div>
    </dl>
  );
}

export function OpenSchemesPage(props: { schemes: OpenScheme[]; currency: string; associations: { id: string; name: string }[] | null; signedIn: boolean }) {
  const { t } = usePage();
  return (
    <div class="stack">
      <Heading>{t("grants.open.title")}</Heading>
      <P>{t("grants.open.intro")}</P>
      {!props.associations?.length && <P>{t(props.signedIn ? "grants.open.howToApply.signedIn" : "grants.open.howToApply")}</P>}
      {props.schemes.length === 0 ? (
        <EmptyState title="grants.open.empty" text="grants.open.empty.text" />
      ) : (
        props.schemes.map(({ scheme, rounds }) => (
          <section class="ds-card stack" aria-labelledby={`scheme-${scheme.id}`}>
            <h2 class="ds-heading" data-size="md" id={`scheme-${scheme.id}`}>
              {scheme.title}
            </h2>
            <P>{scheme.purpose}</P>
            <Facts scheme={scheme} currency={props.currency} />
            <Rounds rounds={rounds} associations={props.associations} />
            <div>
              <Link href={`/grants/schemes/${scheme.id}/about`}>{t("grants.open.rules", { scheme: scheme.title })}</Link>
            </div>
          </section>
        ))
      )}
    </div>
  );
}

export function SchemeAboutPage(props: {
  about: OpenScheme;
  currency: string;
  associations: { id: string; name: string }[] | null;
  /** The cooperation agreements the scheme is part of, as the reader may see them. */
  partOf?: { id: string; title: string; href: string }[];
}) {
  const { t } = usePage();
  const { scheme, rounds } = props.about;
  return (
    <div class="stack">
      <Heading>{scheme.title}</Heading>
      <PartOfAgreements agreements={props.partOf ?? []} />
      <Paragraphs text={scheme.purpose} />
      <Facts scheme={scheme} currency={props.currency} />
      <Heading level={2} size="md">
        {t("grants.open.rounds")}
      </Heading>
      <Rounds rounds={rounds} associations={props.associations} />
      {scheme.rules && (
        <>
          <Heading level={2} size="md">
            {t("grants.scheme.rules")}
          </Heading>
          <Paragraphs text={scheme.rules} />
        </>
      )}
      <div>
        <Link href="/grants">{t("grants.open.back")}</Link>
      </div>
    </div>
  );
}
