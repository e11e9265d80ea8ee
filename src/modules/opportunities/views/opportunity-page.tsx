import type { FieldErrors } from "../../../platform/http/errors.js";
import { Alert, Button, ButtonLink, ErrorSummary, Field, Form, Heading, JsonLd, P } from "../../../platform/ui/components.js";
import { Breadcrumbs, PrimaryAction } from "../../../platform/ui/detail.js";
import { usePage } from "../../../platform/ui/page-context.js";
import { statusLabels } from "../opportunities.labels.js";
import { type Opportunity, postedAt } from "../opportunities.model.js";
import { PostingBody, PostingOrganiser } from "./posting-body.js";

export function OpportunityPage(props: {
  o: Opportunity;
  category: string | null;
  apply?: { values: Record<string, string>; errors: FieldErrors };
  mayManage: boolean;
  /** The search results to go back to, with their query. */
  back?: string;
  /** The association's logo, when it has one. */
  logo?: string | null;
  /** Median days the association takes to answer an applicant; absent until it has answered enough. */
  answerDays?: number | null;
}) {
  const { t, actor, tenant } = usePage();
  const { o } = props;
  const errors = props.apply?.errors ?? {};
  const values = props.apply?.values ?? (actor.kind === "person" ? { name: actor.name, email: actor.email } : {});
  return (
    <article class="detail">
      <Breadcrumbs trail={[{ href: props.back ?? "/search", label: t("detail.results"), back: t("detail.backToResults") }]} current={o.title} />
      {o.status === "published" && (
        <JsonLd
          data={{
            "@type": "JobPosting",
            title: o.title,
            description: `${o.tasks}\n\n${o.benefits}`,
            employmentType: "VOLUNTEER",
            datePosted: postedAt(o),
            validThrough: o.expiresOn,
            hiringOrganization: { "@type": "Organization", name: o.associationName },
            ...(o.remote
              ? { jobLocationType: "TELECOMMUTE" }
              : {
                  jobLocation: {
                    "@type": "Place",
                    address: {
                      "@type": "PostalAddress",
                      streetAddress: o.place ?? undefined,
                      postalCode: o.postcode ?? undefined,
                      addressCountry: tenant.country,
                    },
                  },
                }),
          }}
        />
      )}
      {o.status !== "published" && <Alert color="warning">{t("opportunity.notPublic", { status: t(statusLabels[o.status]) })}</Alert>}
      <header class="detail-head">
        <Heading>{o.title}</Heading>
        <PostingOrganiser o={o} logo={props.logo} />
        {o.status === "published" && <PrimaryAction href="#apply-heading" label={t("application.title")} />}
      </header>
      <div class="detail-body">
        <PostingBody o={o} category={props.category} answerDays={props.answerDays} />
      </div>
      {props.mayManage && (
        <div class="actions">
          <ButtonLink href={`/opportunities/${o.id}/edit`}>{t("opportunity.edit")}</ButtonLink>
          <ButtonLink href={`/opportunities/${o.id}/applications`}>{t("application.list.title")}</ButtonLink>
        </div>
      )}
      {o.status === "published" && (
        <section class="stack form detail-apply" aria-labelledby="apply-heading">
          <h2 class="ds-heading" data-size="md" id="apply-heading">
            {t("application.title")}
          </h2>
          <P>{actor.kind === "person" ? t("application.introSignedIn", { email: actor.email }) : t("application.intro")}</P>
          <ErrorSummary errors={errors} />
          <Form action={`/opportunities/${o.id}/apply`}>
            <Field name="name" label="auth.name" autocomplete="name" required value={values.name} error={errors.name} />
            <Field name="email" label="auth.email" type="email" autocomplete="email" required value={values.email} error={errors.email} />
            <Field name="phone" label="association.phone" type="tel" autocomplete="tel" value={values.phone} error={errors.phone} />
            <Field
              name="message"
              label="application.message"
              hint="application.message.hint"
              multiline
              required
              value={values.message}
              error={errors.message}
            />
            <Button>{t("application.submit")}</Button>
          </Form>
        </section>
      )}
    </article>
  );
}
