import type { FieldErrors } from "../../../platform/http/errors.js";
import { Button, ErrorSummary, Field, Form, Heading, Link, P } from "../../../platform/ui/components.js";
import { Breadcrumbs } from "../../../platform/ui/detail.js";
import { usePage } from "../../../platform/ui/page-context.js";
import type { ApplicationProfile } from "../grants.model.js";

/** Blank board rows offered below those filled in; "Add a row" saves and gives one more. */
const BLANK_ROWS = 1;

/**
 * The association's application profile: what is filled into every application. Its name, register
 * number and e-mail belong to the association's own record and are changed there.
 */
export function ProfileView(props: { profile: ApplicationProfile; values?: Record<string, string | string[]>; errors?: FieldErrors; extraRows?: number }) {
  const { t } = usePage();
  const p = props.profile;
  const v = props.values;
  const errors = props.errors ?? {};
  const text = (name: string, kept: string) => (v ? String((Array.isArray(v[name]) ? v[name][0] : v[name]) ?? "") : kept);
  const listOf = (x: string | string[] | undefined) => (Array.isArray(x) ? x : x === undefined ? [] : [x]);
  const names = v ? listOf(v.boardName) : p.board.map((m) => m.name);
  const roles = v ? listOf(v.boardRole) : p.board.map((m) => m.role);
  const filled = names.map((n, i) => ({ name: n, role: roles[i] ?? "" })).filter((m) => m.name || m.role);
  const rows = [...filled, ...Array.from({ length: BLANK_ROWS + (props.extraRows ?? 0) }, () => ({ name: "", role: "" }))];
  const action = `/grants/profile?association=${p.associationId}`;
  return (
    <div class="stack grant-profile">
      <Breadcrumbs trail={[{ href: "/grants/mine", label: t("grants.mine.title") }]} current={t("grants.profile.title")} />
      <Heading>{t("grants.profile.title")}</Heading>
      <P>{t("grants.profile.intro", { name: p.name })}</P>
      <section class="ds-card stack" aria-labelledby="own-record">
        <h2 class="ds-heading" data-size="xs" id="own-record">
          {t("grants.profile.ownRecord")}
        </h2>
        <dl class="stacked-facts">
          <dt>{t("grants.profile.name")}</dt>
          <dd>{p.name}</dd>
          <dt>{t("grants.profile.registrationNumber")}</dt>
          <dd>{p.registrationNumber || t("grants.profile.noNumber")}</dd>
          <dt>{t("grants.profile.email")}</dt>
          <dd>{p.email}</dd>
        </dl>
        <Link href={`/associations/${p.associationId}`}>{t("grants.profile.editOwnRecord")}</Link>
      </section>
      <ErrorSummary errors={errors} />
      <Form action={action} class="form stack">
        <Field
          name="bankAccount"
          label="grants.profile.bankAccount"
          hint="grants.profile.bankAccount.hint"
          value={text("bankAccount", p.bankAccount)}
          error={errors.bankAccount}
        />
        <fieldset class="ds-fieldset stack">
          <legend class="ds-label">{t("grants.profile.board")}</legend>
          <table class="ds-table board-table" data-size="sm">
            <thead>
              <tr>
                <th scope="col">{t("grants.profile.boardName")}</th>
                <th scope="col">{t("grants.profile.boardRole")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((m, i) => (
                <tr>
                  <td>
                    <input
                      class="ds-input"
                      type="text"
                      name="boardName"
                      id={i === 0 ? "f-boardName" : undefined}
                      value={m.name}
                      aria-label={`${t("grants.profile.boardName")} ${i + 1}`}
                    />
                  </td>
                  <td>
                    <input class="ds-input" type="text" name="boardRole" value={m.role} aria-label={`${t("grants.profile.boardRole")} ${i + 1}`} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div>
            <Button variant="tertiary" name="addRow" value={String((props.extraRows ?? 0) + 1)}>
              {t("grants.profile.addRow")}
            </Button>
          </div>
        </fieldset>
        <Field
          name="memberCount"
          label="grants.profile.memberCount"
          value={text("memberCount", p.memberCount === null ? "" : String(p.memberCount))}
          error={errors.memberCount}
        />
        <Field
          name="activities"
          label="grants.profile.activities"
          hint="grants.profile.activities.hint"
          multiline
          value={text("activities", p.activities)}
          error={errors.activities}
        />
        <div class="actions">
          <Button>{t("grants.profile.save")}</Button>
        </div>
      </Form>
    </div>
  );
}
