import type { FieldErrors } from "../../../platform/http/errors.js";
import type { MessageKey } from "../../../platform/i18n/i18n.js";
import { Alert, Button, DataTable, ErrorSummary, Heading, P } from "../../../platform/ui/components.js";
import { usePage } from "../../../platform/ui/page-context.js";
import type { ImportReport } from "../associations.import.js";

const fieldLabels: Record<string, MessageKey> = {
  name: "association.name",
  registrationNumber: "association.regNumber",
  email: "auth.email",
  phone: "association.phone",
};

/** Upload, dry run, the bad rows by line, then the real import of the same file without uploading it again. */
export function ImportPage(props: { report?: ImportReport; carried?: string; errors?: FieldErrors }) {
  const { t, csrfToken } = usePage();
  const r = props.report;
  return (
    <div class="stack form">
      <Heading>{t("import.title")}</Heading>
      <P>{t("import.intro")}</P>
      <P>{t("import.columns")}</P>
      {props.errors && <ErrorSummary errors={props.errors} />}
      {r?.applied && (
        <Alert color="success" role="status">
          <P>{t("import.done", { added: r.added, updated: r.updated })}</P>
        </Alert>
      )}
      {r && !r.applied && (
        <section class="stack" aria-labelledby="dry-run">
          <h2 class="ds-heading" data-size="md" id="dry-run">
            {t("import.dryRun.title")}
          </h2>
          <P>{t("import.dryRun.counts", { added: r.added, updated: r.updated, unchanged: r.unchanged })}</P>
          {r.problems.length > 0 ? (
            <>
              <Alert color="danger" role="alert">
                <P>{t("import.problems", { count: r.problems.length })}</P>
              </Alert>
              <DataTable
                caption={t("import.problems.caption")}
                rows={r.problems}
                columns={[
                  { key: "line", label: "import.line", cell: (p) => String(p.line) },
                  { key: "field", label: "import.field", cell: (p) => t(fieldLabels[p.field] ?? "import.field") },
                  { key: "message", label: "import.reason", cell: (p) => t(p.message) },
                ]}
              />
            </>
          ) : r.added + r.updated > 0 ? (
            <form method="post" action="/associations/import" enctype="multipart/form-data">
              <input type="hidden" name="_csrf" value={csrfToken} />
              <input type="hidden" name="carried" value={props.carried ?? ""} />
              <Button name="intent" value="apply">
                {t("import.apply", { added: r.added, updated: r.updated })}
              </Button>
            </form>
          ) : (
            <P>{t("import.nothingToDo")}</P>
          )}
        </section>
      )}
      <form method="post" action="/associations/import" enctype="multipart/form-data" class="stack">
        <input type="hidden" name="_csrf" value={csrfToken} />
        <div class="ds-field">
          <label class="ds-label" for="f-file">
            {t("import.file")}
          </label>
          <input
            class="ds-input"
            type="file"
            id="f-file"
            name="file"
            accept=".csv,text/csv"
            aria-invalid={props.errors?.file ? "true" : undefined}
            aria-describedby={props.errors?.file ? "f-file-error" : undefined}
          />
          {props.errors?.file && (
            <div class="ds-validation-message" data-field="validation" id="f-file-error">
              {t(props.errors.file)}
            </div>
          )}
        </div>
        <Button name="intent" value="dry-run" variant="secondary">
          {t("import.dryRun")}
        </Button>
      </form>
    </div>
  );
}
