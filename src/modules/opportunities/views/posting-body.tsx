import { languageNames, type MessageKey } from "../../../platform/i18n/i18n.js";
import { countryProfile } from "../../../platform/tenants/countries.js";
import { Heading, P } from "../../../platform/ui/components.js";
import { usePage } from "../../../platform/ui/page-context.js";
import { describeSlots } from "../../../platform/week-slots.js";
import { commitmentLabels, settingLabels, suitsLabels } from "../opportunities.labels.js";
import type { Opportunity } from "../opportunities.model.js";

export function TimeLine(props: { o: Opportunity }) {
  const { t } = usePage();
  const { o } = props;
  if (o.commitment === "weekly" && o.hoursPerWeek) return <>{t("opportunity.hoursPerWeekValue", { hours: o.hoursPerWeek })}</>;
  if (o.commitment === "one_off" && o.oneOffDate) return <>{t("opportunity.oneOffOn", { date: o.oneOffDate })}</>;
  return <>{t(commitmentLabels[o.commitment])}</>;
}

function Facts(props: { o: Opportunity; category: string | null }) {
  const { t, tenant } = usePage();
  const { o } = props;
  const requirements = [
    o.needsCertificate ? t(countryProfile(tenant.country).certificate) : null,
    o.minAge !== null ? t("opportunity.minAgeValue", { age: o.minAge }) : null,
  ].filter(Boolean);
  const facts: [MessageKey, string | null][] = [
    ["opportunity.category", props.category],
    ["opportunity.place", o.remote ? t("opportunity.remote") : `${o.place ?? ""} ${o.postcode ?? ""}`.trim()],
    ["opportunity.slots", o.slots.length ? describeSlots(t, o.slots) : null],
    ["opportunity.setting", o.setting !== "any" ? t(settingLabels[o.setting]) : null],
    ["search.facet.accessibility", o.stepFree ? t("opportunity.stepFree") : null],
    ["opportunity.startDate", o.startDate],
    ["opportunity.requirements", requirements.length ? requirements.join(" · ") : null],
    ["opportunity.languages", o.languages.length ? o.languages.map((l) => languageNames[l as keyof typeof languageNames] ?? l).join(", ") : null],
    ["opportunity.suits", o.suits.length ? o.suits.map((s) => t(suitsLabels[s as keyof typeof suitsLabels] ?? "validation.invalid")).join(", ") : null],
  ];
  return (
    <dl>
      <dt>{t("opportunity.time")}</dt>
      <dd>
        <TimeLine o={o} />
      </dd>
      {facts
        .filter(([, value]) => value)
        .map(([label, value]) => (
          <>
            <dt>{t(label)}</dt>
            <dd>{value}</dd>
          </>
        ))}
    </dl>
  );
}

/** What a posting says, below its title: on its page and in the preview. */
export function PostingBody(props: { o: Opportunity; category: string | null }) {
  const { t } = usePage();
  const { o } = props;
  return (
    <>
      <P>{o.associationName}</P>
      <Facts o={o} category={props.category} />
      <Heading level={2}>{t("opportunity.tasks")}</Heading>
      <p class="ds-paragraph mail-body">{o.tasks}</p>
      {o.benefits && (
        <>
          <Heading level={2}>{t("opportunity.benefits")}</Heading>
          <p class="ds-paragraph mail-body">{o.benefits}</p>
        </>
      )}
      <P>{t("opportunity.contactLine", { name: o.contactName })}</P>
    </>
  );
}
