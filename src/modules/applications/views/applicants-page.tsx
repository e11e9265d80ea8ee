import { Button, DataTable, EmptyState, Form, Heading, Link } from "../../../platform/ui/components.js";
import { usePage } from "../../../platform/ui/page-context.js";
import { type CertificateStage, certificateStageLabels } from "../../certificates/index.js";
import type { Opportunity } from "../../opportunities/index.js";
import { stepLabels } from "../applications.labels.js";
import { APPLICATION_STEPS, type Application } from "../applications.model.js";

/** Where an applicant is with their child-protection certificate, for a job that needs one. */
function CertificateCell(props: { o: Opportunity; a: Application; found: { id: string; stage: CertificateStage } | undefined }) {
  const { t } = usePage();
  const { o, a, found } = props;
  if (found)
    return (
      <Link href={`/certificates/${found.id}`}>
        <span class="ds-sr-only">{t("certificates.pipeline.open", { name: a.name })}: </span>
        {t(certificateStageLabels[found.stage])}
      </Link>
    );
  const query = new URLSearchParams({ association: o.associationId, opportunity: o.id, name: a.name, email: a.email });
  return (
    <>
      {t("certificates.pipeline.none")} · <Link href={`/certificates/new?${query}`}>{t("certificates.pipeline.request", { name: a.name })}</Link>
    </>
  );
}

export function ApplicantsPage(props: {
  o: Opportunity;
  rows: Application[];
  certificates?: Map<string, { id: string; stage: CertificateStage }> | undefined;
}) {
  const { t, fmt } = usePage();
  return (
    <div class="stack">
      <Heading>{t("application.list.heading", { title: props.o.title })}</Heading>
      <div class="actions">
        {props.rows.length > 0 && <Link href={`/opportunities/${props.o.id}/applications.csv`}>{t("table.exportCsv")}</Link>}
        {/* Beside the applicants: the visitors who left their interest at the association's stand at a volunteer fair. */}
        <Link href={`/events/fair/leads?association=${props.o.associationId}`}>{t("fair.leads.applicantsLink")}</Link>
      </div>
      {props.rows.length === 0 ? (
        <EmptyState title="application.list.empty" />
      ) : (
        <DataTable
          caption={t("application.list.title")}
          rows={props.rows}
          columns={[
            { key: "name", label: "auth.name", cell: (a) => <Link href={`/opportunities/${props.o.id}/applications/${a.id}`}>{a.name}</Link> },
            { key: "contact", label: "auth.email", cell: (a) => `${a.email}${a.phone ? ` · ${a.phone}` : ""}` },
            { key: "message", label: "application.message", cell: (a) => a.message },
            { key: "when", label: "table.created", cell: (a) => fmt.dateTime(a.createdAt) },
            ...(props.certificates
              ? [
                  {
                    key: "certificate",
                    label: "certificates.pipeline.column" as const,
                    cell: (a: Application) => <CertificateCell o={props.o} a={a} found={props.certificates?.get(a.email.toLowerCase())} />,
                  },
                ]
              : []),
            {
              key: "status",
              label: "application.status",
              cell: (a) => (
                <Form action={`/opportunities/${props.o.id}/applications/${a.id}`} class="actions" aria-label={t("application.moveNamed", { name: a.name })}>
                  <label class="ds-sr-only" for={`status-${a.id}`}>
                    {t("application.statusFor", { name: a.name })}
                  </label>
                  <select class="ds-input" id={`status-${a.id}`} name="status">
                    {APPLICATION_STEPS.map((s) => (
                      <option value={s} selected={s === a.status}>
                        {t(stepLabels[s])}
                      </option>
                    ))}
                  </select>
                  <Button variant="secondary" size="sm">
                    {t("form.save")}
                  </Button>
                </Form>
              ),
            },
          ]}
        />
      )}
    </div>
  );
}
