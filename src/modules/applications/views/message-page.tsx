import type { MessageKey } from "../../../platform/i18n/i18n.js";
import { Heading, P } from "../../../platform/ui/components.js";
import { usePage } from "../../../platform/ui/page-context.js";

export function MessagePage(props: { title: MessageKey; text: MessageKey; values?: Record<string, string> }) {
  const { t } = usePage();
  return (
    <div class="stack form">
      <Heading>{t(props.title)}</Heading>
      <P>{t(props.text, props.values)}</P>
    </div>
  );
}
