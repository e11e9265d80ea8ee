import { Link } from "../../../platform/ui/components.js";
import { usePage } from "../../../platform/ui/page-context.js";
import type { ApplicationProfile } from "../grants.model.js";

/** The association's facts as they go into every application, read only, with where to change them. */
export function ProfileFacts(props: { profile: ApplicationProfile; editHref?: string; title?: string; headingLevel?: 2 | 3 }) {
  const { t, fmt } = usePage();
  const p = props.profile;
  const Heading = props.headingLevel === 3 ? "h3" : "h2";
  const rows: [string, string][] = [
    [t("grants.profile.name"), p.name],
    [t("grants.profile.registrationNumber"), p.registrationNumber || t("grants.profile.noNumber")],
    [t("grants.profile.email"), p.email],
    [t("grants.profile.bankAccount"), p.bankAccount],
    [t("grants.profile.memberCount"), p.memberCount === null ? "" : fmt.number(p.memberCount, 0)],
    [t("grants.profile.board"), fmt.list(p.board.map((m) => (m.role ? `${m.name} (${m.role})` : m.name)))],
    [t("grants.profile.activities"), p.activities],
  ];
  return (
    <section class="ds-card stack profile-facts" aria-labelledby="profile-facts">
      <Heading class="ds-heading" data-size="xs" id="profile-facts">
        {props.title ?? t("grants.profile.heading")}
      </Heading>
      <dl class="stacked-facts">
        {rows.map(([label, value]) => (
          <>
            <dt>{label}</dt>
            <dd class="pre-line">{value || t("grants.answer.none")}</dd>
          </>
        ))}
      </dl>
      {props.editHref && <Link href={props.editHref}>{t("grants.profile.edit")}</Link>}
    </section>
  );
}
