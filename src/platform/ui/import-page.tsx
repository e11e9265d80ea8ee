import type { Context } from "hono";
import { type CsvRow, csvFromForm, type ImportReport, readCsv } from "../csv-import.js";
import type { AppEnv } from "../http/env.js";
import { AppError, type FieldErrors, fieldMessage } from "../http/errors.js";
import { render } from "../http/render.js";
import type { MessageKey } from "../i18n/i18n.js";
import { Alert, Button, DataTable, ErrorSummary, Heading, P, ValidationMessage } from "./components.js";
import { usePage } from "./page-context.js";

/** What one kind of import says and reads. */
export interface ImportKind {
  action: string;
  texts: { title: MessageKey; intro: MessageKey; columns: MessageKey; done: MessageKey };
  columns: Record<string, string[]>;
  required: string[];
  fieldLabels: Record<string, MessageKey>;
}

const IMPORT_MAX_BYTES = 200 * 1024;

/** The page after an upload: the file's problems, or the dry run's report, or the import done. */
export async function importResponse(c: Context<AppEnv>, kind: ImportKind, run: (rows: CsvRow[], apply: boolean) => Promise<ImportReport>) {
  const title = c.get("t")(kind.texts.title);
  let upload: { text: string; intent: string };
  let rows: CsvRow[];
  try {
    upload = await csvFromForm(c, IMPORT_MAX_BYTES);
    rows = readCsv(upload.text, kind.columns, kind.required);
  } catch (error) {
    if (error instanceof AppError && error.fields.file)
      return render(c, title, <ImportPage kind={kind} errors={error.fields} />, error.status === 413 ? 413 : 422);
    throw error;
  }
  const report = await run(rows, upload.intent === "apply");
  return render(c, title, <ImportPage kind={kind} report={report} carried={upload.text} />, report.problems.length > 0 ? 422 : 200);
}

/** Upload, dry run, the bad rows by line, then the real import of the same file without uploading it again. */
export function ImportPage(props: { kind: ImportKind; report?: ImportReport; carried?: string; errors?: FieldErrors }) {
  const { t, fmt, csrfToken } = usePage();
  const { texts, action, fieldLabels } = props.kind;
  const r = props.report;
  return (
    <div class="stack form">
      <Heading>{t(texts.title)}</Heading>
      <P>{t(texts.intro)}</P>
      <P>{t(texts.columns)}</P>
      {props.errors && <ErrorSummary errors={props.errors} />}
      {r?.applied && (
        <Alert color="success" role="status">
          <P>{t(texts.done, { added: r.added, updated: r.updated })}</P>
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
                  { key: "message", label: "import.reason", cell: (p) => fieldMessage(t, p.message, fmt) },
                ]}
              />
            </>
          ) : r.added + r.updated > 0 ? (
            <form method="post" action={action} enctype="multipart/form-data">
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
      <form method="post" action={action} enctype="multipart/form-data" class="stack">
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
          <ValidationMessage id="f-file-error" error={props.errors?.file} />
        </div>
        <Button name="intent" value="dry-run" variant="secondary">
          {t("import.dryRun")}
        </Button>
      </form>
    </div>
  );
}
