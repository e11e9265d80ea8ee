import { Link } from "../../../platform/ui/components.js";
import { usePage } from "../../../platform/ui/page-context.js";

/** On a grant scheme's or a premise's page: "Part of the cooperation agreement …", a link for each. */
export function PartOfAgreements(props: { agreements: { id: string; title: string; href: string }[] }) {
  const { t } = usePage();
  if (props.agreements.length === 0) return null;
  return (
    <ul class="ds-list part-of-agreements">
      {props.agreements.map((a) => (
        <li>
          {t("agreements.partOf")} <Link href={a.href}>{a.title}</Link>
        </li>
      ))}
    </ul>
  );
}
