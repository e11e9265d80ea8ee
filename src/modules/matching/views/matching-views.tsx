import type { FieldErrors } from "../../../platform/http/errors.js";
import { kindLabels } from "../../../platform/search/labels.js";
import { LanguageChoices } from "../../../platform/ui/audience-fields.js";
import {
  Alert,
  Button,
  ButtonLink,
  Checkbox,
  Checkboxes,
  EmptyState,
  ErrorSummary,
  Field,
  Form,
  Heading,
  Link,
  P,
  Select,
  WeekGrid,
} from "../../../platform/ui/components.js";
import { usePage } from "../../../platform/ui/page-context.js";
import { describeSlots } from "../../../platform/week-slots.js";
import { commitmentLabels, settingLabels } from "../../opportunities/index.js";
import type { Term } from "../../taxonomy/index.js";
import { needLabels, rhythmLabels } from "../matching.labels.js";
import { type CitizenMatches, type Consent, type Match, type ProfileForm, type Reason, RHYTHMS, SETTINGS } from "../matching.model.js";
import { MAX_KM } from "../matching.schema.js";

function useReasonText() {
  const { t, fmt, lang } = usePage();
  const commitment = (c?: string) => t(commitmentLabels[c as keyof typeof commitmentLabels] ?? "opportunity.commitment.flexible");
  const setting = (s?: string) => t(settingLabels[s as keyof typeof settingLabels] ?? "opportunity.setting.any");
  const slots = (s?: string[]) => describeSlots(t, s ?? [], lang);
  const fits = (r: Reason): string => {
    switch (r.code) {
      case "interest":
        return t("matching.fit.interest", { what: r.detail ?? "" });
      case "near":
        return t("matching.fit.near", { distance: fmt.distance(Number(r.detail ?? 0)) });
      case "remote":
        return t("matching.fit.remote");
      case "time":
        return t("matching.fit.time", { when: slots(r.items) });
      case "anytime":
        return t("matching.fit.anytime");
      case "rhythm":
        return t("matching.fit.wish", { what: commitment(r.detail) });
      case "setting":
        return t("matching.fit.wish", { what: setting(r.detail) });
      case "language":
        return r.items?.length ? t("matching.fit.language", { languages: fmt.languages(r.items) }) : t("opportunity.suits.no_local_language");
      case "step_free":
        return t("opportunity.stepFree");
      case "companion":
        return t("matching.fit.companion");
      case "skills":
        return t("matching.fit.skills", { skills: r.detail ?? "" });
    }
  };
  const misfits = (r: Reason): string => {
    switch (r.code) {
      case "time":
        return t("matching.misfit.time", { when: slots(r.items) });
      case "rhythm":
        return t("matching.misfit.other", { what: commitment(r.detail) });
      case "setting":
        return t("matching.misfit.other", { what: setting(r.detail) });
      case "language":
        return t("matching.misfit.language");
      case "step_free":
        return t("matching.misfit.step_free");
      default:
        return t("matching.misfit.companion");
    }
  };
  return { fits, misfits };
}

/** Why a match fits, and what does not, as two short lists. */
export function ReasonList(props: { match: Pick<Match, "fits" | "misfits"> }) {
  const { t } = usePage();
  const { fits, misfits } = useReasonText();
  const m = props.match;
  return (
    <>
      <h3 class="ds-heading" data-size="2xs">
        {t("matching.why")}
      </h3>
      <ul class="ds-list fits">
        {m.fits.map((r) => (
          <li>{fits(r)}</li>
        ))}
      </ul>
      {m.misfits.length > 0 && (
        <>
          <h3 class="ds-heading" data-size="2xs">
            {t("matching.whyNot")}
          </h3>
          <ul class="ds-list misfits">
            {m.misfits.map((r) => (
              <li>{misfits(r)}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

export function MatchList(props: { matches: Match[] }) {
  const { t } = usePage();
  return (
    <ol class="ds-list--unstyled stack matches">
      {props.matches.map((m) => (
        <li class="ds-card">
          <P class="kind">{t(kindLabels[m.doc.kind])}</P>
          <h2 class="ds-heading" data-size="sm">
            <Link href={m.doc.url}>{m.doc.title}</Link>
          </h2>
          <P>{m.doc.subtitle}</P>
          <ReasonList match={m} />
        </li>
      ))}
    </ol>
  );
}

export function ForYouPage(props: { matches: Match[] | null; consents: Consent[] }) {
  const { t } = usePage();
  return (
    <div class="stack">
      <Heading>{t("matching.title")}</Heading>
      {props.matches === null ? (
        <EmptyState
          title="matching.noProfile"
          text="matching.noProfile.text"
          action={<ButtonLink href="/matching/profile">{t("matching.profile.title")}</ButtonLink>}
        />
      ) : (
        <>
          <P>
            {t("matching.intro")} <Link href="/matching/profile">{t("matching.profile.edit")}</Link>
          </P>
          {props.matches.length === 0 ? <EmptyState title="matching.none" text="matching.none.text" /> : <MatchList matches={props.matches} />}
        </>
      )}
      {props.consents.length > 0 && <MyConsents consents={props.consents} />}
    </div>
  );
}

/** Whether the citizen confirmed the consent or staff only recorded it, and until when it lasts; told to staff or to the citizen. */
function ConsentState(props: { consent: Consent; to: "staff" | "citizen" }) {
  const { t, fmt } = usePage();
  const c = props.consent;
  const at = (iso: string) => fmt.dateTime(iso);
  const [confirmed, recorded] =
    props.to === "staff"
      ? (["matching.consent.confirmed", "matching.consent.recordedByStaff"] as const)
      : (["matching.myConsent.confirmed", "matching.myConsent.recorded"] as const);
  return (
    <P class="consent-state">
      {c.confirmedAt ? t(confirmed, { when: at(c.confirmedAt), ends: at(c.expiresAt) }) : t(recorded, { when: at(c.givenAt), ends: at(c.expiresAt) })}
    </P>
  );
}

function MyConsents(props: { consents: Consent[] }) {
  const { t } = usePage();
  return (
    <section class="stack" aria-labelledby="my-consents">
      <h2 class="ds-heading" data-size="sm" id="my-consents">
        {t("matching.myConsents.title")}
      </h2>
      <P>{t("matching.myConsents.intro")}</P>
      <ul class="ds-list--unstyled stack">
        {props.consents.map((c) => (
          <li class="ds-card stack">
            <ConsentState consent={c} to="citizen" />
            <Form action={`/matching/consents/${c.id}/withdraw`} class="actions">
              <Button variant="secondary">{t("matching.consent.withdraw")}</Button>
            </Form>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** What the citizen's mailed link opens: what staff recorded, and a yes or a no. */
export function ConsentLinkPage(props: { consent: Consent; token: string }) {
  const { t, tenant } = usePage();
  return (
    <div class="stack">
      <Heading>{t("matching.consentLink.title")}</Heading>
      <P>{t("matching.consentLink.what", { tenant: tenant.name })}</P>
      <ConsentState consent={props.consent} to="citizen" />
      <P>{t("matching.consentLink.note", { note: props.consent.note })}</P>
      <Form action="/matching/consent" class="actions">
        <input type="hidden" name="token" value={props.token} />
        <Button variant="primary" name="answer" value="yes">
          {t("matching.consentLink.yes")}
        </Button>
        <Button variant="secondary" name="answer" value="no">
          {t("matching.consentLink.no")}
        </Button>
      </Form>
    </div>
  );
}

export function ConsentAnsweredPage(props: { confirmed: boolean }) {
  const { t } = usePage();
  return (
    <div class="stack">
      <Heading>{t("matching.consentLink.title")}</Heading>
      <P>{t(props.confirmed ? "matching.consentLink.confirmed" : "matching.consentLink.withdrawn")}</P>
    </div>
  );
}

export function ProfilePage(props: { values: ProfileForm; errors?: FieldErrors; categories: Term[] }) {
  const { t } = usePage();
  const v = props.values;
  const errors = props.errors ?? {};
  return (
    <div class="stack form">
      <Heading>{t("matching.profile.title")}</Heading>
      <P>{t("matching.profile.intro")}</P>
      <ErrorSummary errors={errors} />
      <Form action="/matching/profile" class="stack">
        <Checkboxes
          name="interests"
          legend="matching.interests"
          chosen={v.interests}
          options={props.categories.map((c) => ({ value: c.code, label: c.label }))}
        />
        <Field name="skills" label="matching.skills" hint="matching.skills.hint" value={v.skills} error={errors.skills} />
        <WeekGrid name="slots" legend="matching.slots" chosen={v.slots} />
        <Field name="postcode" label="search.near" value={v.postcode} error={errors.postcode} autocomplete="postal-code" />
        <Select
          name="maxKm"
          label="matching.maxKm"
          value={v.maxKm ?? ""}
          error={errors.maxKm}
          options={[{ value: "", label: t("matching.maxKm.default") }, ...MAX_KM.map((km) => ({ value: String(km), label: t("search.within.km", { km }) }))]}
        />
        <LanguageChoices chosen={v.languages} legend="matching.languages" />
        <Checkboxes
          name="needs"
          legend="matching.needs"
          chosen={v.needs}
          options={Object.entries(needLabels).map(([value, key]) => ({ value, label: t(key) }))}
        />
        <Select
          name="setting"
          label="opportunity.setting"
          value={v.setting ?? "any"}
          options={SETTINGS.map((s) => ({ value: s, label: t(settingLabels[s]) }))}
        />
        <Select name="rhythm" label="matching.rhythm" value={v.rhythm ?? "any"} options={RHYTHMS.map((r) => ({ value: r, label: t(rhythmLabels[r]) }))} />
        <div class="actions">
          <Button variant="primary">{t("matching.profile.save")}</Button>
        </div>
      </Form>
    </div>
  );
}

export function StaffMatchingPage(props: { values?: Record<string, string>; errors?: FieldErrors; result?: CitizenMatches; noConsent?: boolean }) {
  const { t } = usePage();
  const errors = props.errors ?? {};
  return (
    <div class="stack form">
      <Heading>{t("matching.staff.title")}</Heading>
      <P>{t("matching.staff.intro")}</P>
      {props.noConsent && (
        <Alert color="warning">
          {t("matching.consent.missing")} {t("matching.staff.askAgain")}
        </Alert>
      )}
      <ErrorSummary errors={errors} />
      <Form action="/matching/staff" class="stack" aria-label={t("matching.staff.title")}>
        <Field name="email" type="email" label="matching.staff.email" required value={props.values?.email} error={errors.email} />
        <Checkbox name="consent" label="matching.consent" error={errors.consent} />
        <Field name="note" label="matching.consent.note" hint="matching.consent.note.hint" required value={props.values?.note} error={errors.note} />
        <Button variant="primary">{t("matching.staff.run")}</Button>
      </Form>
      {props.result && (
        <section class="stack" aria-labelledby="staff-result">
          <h2 class="ds-heading" data-size="md" id="staff-result">
            {t("matching.staff.resultFor", { name: props.result.citizen.name || props.result.citizen.email })}
          </h2>
          {props.result.consent.confirmedAt ? (
            <ConsentState consent={props.result.consent} to="staff" />
          ) : (
            <Alert color="warning">
              <ConsentState consent={props.result.consent} to="staff" />
            </Alert>
          )}
          <P>{t("matching.staff.consentNote", { note: props.result.consent.note })}</P>
          {props.result.matches === null ? (
            <EmptyState title="matching.staff.noProfile" />
          ) : props.result.matches.length === 0 ? (
            <EmptyState title="matching.none" />
          ) : (
            <MatchList matches={props.result.matches} />
          )}
        </section>
      )}
    </div>
  );
}
