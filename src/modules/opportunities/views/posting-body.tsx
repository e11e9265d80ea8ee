import { countryProfile } from "../../../platform/tenants/countries.js";
import { Heading } from "../../../platform/ui/components.js";
import { ContactLinks, type Fact, FactBox, MapPin, Organiser, Paragraphs } from "../../../platform/ui/detail.js";
import { usePage } from "../../../platform/ui/page-context.js";
import { describeSlots } from "../../../platform/week-slots.js";
import { commitmentLabels, settingLabels, suitsLabels } from "../opportunities.labels.js";
import type { Opportunity } from "../opportunities.model.js";

export function TimeLine(props: { o: Opportunity }) {
  const { t, fmt } = usePage();
  const { o } = props;
  if (o.commitment === "weekly" && o.hoursPerWeek) return <>{t("opportunity.hoursPerWeekValue", { hours: o.hoursPerWeek })}</>;
  if (o.commitment === "one_off" && o.oneOffDate) return <>{t("opportunity.oneOffOn", { date: fmt.dateWithWeekday(o.oneOffDate) })}</>;
  return <>{t(commitmentLabels[o.commitment])}</>;
}

/** How quickly the association usually answers, in words: "samme dag", "inden for 3 dage". */
export function AnswerSpeed(props: { days: number }) {
  const { t } = usePage();
  return <>{t("detail.answers.value", { days: Math.max(0, Math.round(props.days)) })}</>;
}

function Facts(props: { o: Opportunity; category: string | null; answerDays?: number | null | undefined }) {
  const { t, fmt, tenant, lang } = usePage();
  const { o } = props;
  const requirements = [
    o.needsCertificate ? t(countryProfile(tenant.country).certificate) : null,
    o.minAge !== null ? t("opportunity.minAgeValue", { age: o.minAge }) : null,
  ].filter(Boolean);
  const place = [o.place, o.postcode].filter(Boolean).join(", ");
  const facts: Fact[] = [
    ["opportunity.time", <TimeLine o={o} />],
    ["opportunity.slots", o.slots.length ? describeSlots(t, o.slots, lang) : null],
    ["opportunity.startDate", o.startDate ? fmt.date(o.startDate) : null],
    ["opportunity.place", o.remote ? t("opportunity.remote") : place ? <MapPin place={place} /> : null],
    ["opportunity.category", props.category],
    ["opportunity.suits", o.suits.length ? o.suits.map((s) => t(suitsLabels[s as keyof typeof suitsLabels] ?? "validation.invalid")).join(", ") : null],
    ["opportunity.setting", o.setting !== "any" ? t(settingLabels[o.setting]) : null],
    ["opportunity.requirements", requirements.length ? requirements.join(" · ") : null],
    ["opportunity.languages", o.languages.length ? fmt.languages(o.languages) : null],
    ["search.facet.accessibility", o.stepFree ? t("opportunity.stepFree") : null],
    ["detail.closes", o.expiresOn ? fmt.date(o.expiresOn) : null],
    ["detail.answers", props.answerDays != null ? <AnswerSpeed days={props.answerDays} /> : null],
  ];
  return <FactBox facts={facts} />;
}

/** The organiser, below the title: on its page and in the preview. */
export function PostingOrganiser(props: { o: Opportunity; logo?: string | null | undefined }) {
  return <Organiser name={props.o.associationName} href={`/directory/associations/${props.o.associationId}`} logo={props.logo} />;
}

/** What a posting says, below its title and organiser: the facts, the texts and whom to ask; on its page and in the preview. */
export function PostingBody(props: { o: Opportunity; category: string | null; answerDays?: number | null | undefined }) {
  const { t } = usePage();
  const { o } = props;
  return (
    <>
      <Facts o={o} category={props.category} answerDays={props.answerDays} />
      <div class="detail-main stack">
        <section class="stack">
          <Heading level={2} size="md">
            {t("opportunity.tasks")}
          </Heading>
          <Paragraphs text={o.tasks} />
        </section>
        {o.benefits && (
          <section class="stack">
            <Heading level={2} size="md">
              {t("opportunity.benefits")}
            </Heading>
            <Paragraphs text={o.benefits} />
          </section>
        )}
        <section class="stack">
          <Heading level={2} size="md">
            {t("detail.contact")}
          </Heading>
          <ContactLinks name={o.contactName} email={o.contactEmail} subject={o.title} />
        </section>
      </div>
    </>
  );
}
