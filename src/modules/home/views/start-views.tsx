import type { StartGroup, WaitingItem } from "../../../platform/modules.js";
import { ButtonLink, Heading, Link, P } from "../../../platform/ui/components.js";
import { usePage } from "../../../platform/ui/page-context.js";

export interface StartSection {
  group: StartGroup;
  items: WaitingItem[];
  /** The menu's links of this part that no card already leads to. */
  links: { href: string; label: string }[];
}

/** A person's start page: per part of what they do, cards with what waits (to-dos first), then their shortcuts. */
export function StartPage(props: { name: string; sections: StartSection[]; postFor: { id: string; name: string }[] }) {
  const { t } = usePage();
  return (
    <div class="stack start-page">
      <Heading>{t("start.hello", { name: props.name })}</Heading>
      <P>{t("start.intro")}</P>
      {props.sections.map((s) => (
        <section class="stack" aria-labelledby={`start-${s.group}`}>
          <h2 class="ds-heading" data-size="md" id={`start-${s.group}`}>
            {t(`nav.group.${s.group}`)}
          </h2>
          {s.group === "association" && props.postFor.length > 0 && (
            <div class="actions">
              {props.postFor.map((a) => (
                <ButtonLink href={`/opportunities/new?association=${a.id}`} variant="primary">
                  {t("start.postJob", { name: a.name })}
                </ButtonLink>
              ))}
            </div>
          )}
          {s.items.length > 0 && (
            <ul class="start-cards">
              {s.items.map((item) => (
                <WaitingCard item={item} />
              ))}
            </ul>
          )}
          {s.links.length > 0 && (
            <ul class="start-links">
              {s.links.map((l) => (
                <li>
                  <Link href={l.href}>{l.label}</Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}

function WaitingCard(props: { item: WaitingItem }) {
  const { t } = usePage();
  const { item } = props;
  const urgent = item.toDo && item.count > 0;
  return (
    <li class="ds-card start-card" data-urgent={urgent ? "true" : undefined}>
      {urgent && (
        <span class="ds-tag" data-color="warning">
          {t("start.toDo")}
        </span>
      )}
      <h3 class="ds-heading" data-size="xs">
        <a class="ds-link" href={item.href}>
          {t(item.label, { count: item.count })}
        </a>
      </h3>
      {item.examples && item.examples.length > 0 && (
        <ul class="start-examples">
          {item.examples.map((e) => (
            <li>
              <a class="ds-link" href={e.href}>
                {e.text}
              </a>
              {e.note && <span class="note"> · {e.note}</span>}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
