import { languageNames } from "../../../platform/i18n/i18n.js";
import { countryProfile } from "../../../platform/tenants/countries.js";
import { Heading } from "../../../platform/ui/components.js";
import { ContactLinks, type Fact, FactBox, Organiser, Paragraphs } from "../../../platform/ui/detail.js";
import { usePage } from "../../../platform/ui/page-context.js";
import { describeSlots } from "../../../platform/week-slots.js";
import { commitmentLabels, settingLabels, suitsLabels } from "../opportunities.labels.js";
import type { Opportunity } from "../opportunities.model.js";

export function TimeLine(props: { o: Opportunity }) {
  const { t, fmt } = usePage();
  const { o } = props;
  if (o.commitment === "weekly" && o.hoursPerWeek) return <>{t("opportunity.hoursPerWeekValue", { hours: o.hoursPerWeek })}</>;
  if (o.commitment === "one_off" && o.oneOffDate) return <>{t("opportunity.oneOffOn", { date: fmt.date(o.oneOffDate) })}</>;
  return <>{t(commitmentLabels[o.commitment])}</>;
}

function Facts(props: { o: Opportunity; category: string | null }) {
  const { t, fmt, tenant } = usePage();
  const { o } = props;
  const requirements = [
    o.needsCertificate ? t(countryProfile(tenant.country).certificate) : null,
    o.minAge !== null ? t("opportunity.minAgeValue", { age: fmt.number(o.minAge) }) : null,
  ].filter(Boolean);
  const place = `${o.place ?? ""} ${o.postcode ?? ""}`.trim();
  const facts: Fact[] = [
    ["opportunity.time", <TimeLine o={o} />],
    ["opportunity.slots", o.slots.length ? describeSlots(t, o.slots) : null],
    ["opportunity.startDate", o.startDate ? fmt.date(o.startDate) : null],
    [
      "opportunity.place",
      o.remote ? (
        t("opportunity.remote")
      ) : place ? (
        <a class="detail-place" href={`https://www.openstreetmap.org/search?query=${encodeURIComponent(`${place}, ${tenant.country}`)}`}>
          {place}
        </a>
      ) : null,
    ],
    ["opportunity.category", props.category],
    ["opportunity.suits", o.suits.length ? o.suits.map((s) => t(suitsLabels[s as keyof typeof suitsLabels] ?? "validation.invalid")).join(", ") : null],
    ["opportunity.setting", o.setting !== "any" ? t(settingLabels[o.setting]) : null],
    ["opportunity.requirements", requirements.length ? requirements.join(" · ") : null],
    ["opportunity.languages", o.languages.length ? o.languages.map((l) => languageNames[l as keyof typeof languageNames] ?? l).join(", ") : null],
    ["search.facet.accessibility", o.stepFree ? t("opportunity.stepFree") : null],
    ["opportunity.expiresOn", o.expiresOn ? fmt.date(o.expiresOn) : null],
  ];
  return <FactBox facts={facts} />;
}

/** What a posting says, below its title: on its page and in the preview. */
export function PostingBody(props: { o: Opportunity; category: string | null; logo?: string | null }) {
  const { t } = usePage();
  const { o } = props;
  return (
    <>
      <Organiser name={o.associationName} href={`/directory/associations/${o.associationId}`} logo={props.logo} />
      <Facts o={o} category={props.category} />
      <Heading level={2}>{t("opportunity.tasks")}</Heading>
      <Paragraphs text={o.tasks} />
      {o.benefits && (
        <>
          <Heading level={2}>{t("opportunity.benefits")}</Heading>
          <Paragraphs text={o.benefits} />
        </>
      )}
      <Heading level={2}>{t("opportunity.contactName")}</Heading>
      <ContactLinks name={o.contactName} email={o.contactEmail} />
    </>
  );
}
