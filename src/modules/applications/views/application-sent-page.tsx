import { ButtonLink, Heading, P } from "../../../platform/ui/components.js";
import { usePage } from "../../../platform/ui/page-context.js";
import { stepLabels } from "../applications.labels.js";
import type { Application } from "../applications.model.js";

/** An application sent before: when it went to the association and where it stands. For applying again, and for a confirmation link used again. */
export function ApplicationSentPage(props: {
  already: boolean;
  application: Application;
  job: { id: string; title: string; associationName: string };
  signedIn: boolean;
}) {
  const { t, fmt } = usePage();
  const a = props.application;
  return (
    <div class="stack form">
      <Heading>{t(props.already ? "application.already.title" : "application.confirmed.title")}</Heading>
      <P>{t("application.sentOn", { title: props.job.title, association: props.job.associationName, date: fmt.date(a.confirmedAt ?? a.createdAt) })}</P>
      <p class="ds-paragraph">
        {t("application.status")}:{" "}
        <span class="ds-tag" data-color="info">
          {t(stepLabels[a.status])}
        </span>
      </p>
      <div class="actions">
        {props.signedIn && (
          <ButtonLink href="/applications/mine" variant="primary">
            {t("application.mine.title")}
          </ButtonLink>
        )}
        <ButtonLink href={`/opportunities/${props.job.id}`}>{t("application.backToJob")}</ButtonLink>
      </div>
    </div>
  );
}
