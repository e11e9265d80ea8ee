import type { FieldErrors } from "../../../platform/http/errors.js";
import type { MessageKey } from "../../../platform/i18n/i18n.js";
import { diffFields, type PendingChange } from "../../../platform/moderation/pending-change.js";
import { accessibilityLabels, labelOf, PRICES, priceLabels } from "../../../platform/search/labels.js";
import { AccessibilityChoices, CategorySelect, LanguageChoices, TargetGroupChoices } from "../../../platform/ui/audience-fields.js";
import { ChangeList, PendingChangeNotice, plainValue, type ShownChange, showDiff } from "../../../platform/ui/changes.js";
import {
  Alert,
  Button,
  ButtonLink,
  Checkbox,
  DataTable,
  DecisionCard,
  EmptyState,
  ErrorSummary,
  excerptOf,
  Field,
  Form,
  Heading,
  JsonLd,
  Link,
  P,
  Select,
  WeekGrid,
} from "../../../platform/ui/components.js";
import { Breadcrumbs, ContactLinks, type Fact, FactBox, Logo, MapPin, Organiser, Paragraphs, PrimaryAction, telHref } from "../../../platform/ui/detail.js";
import { usePage } from "../../../platform/ui/page-context.js";
import { describeSlots } from "../../../platform/week-slots.js";
import { type Association, type ProfileChangeItem, useProfileChangeRows } from "../../associations/index.js";
import type { Term } from "../../taxonomy/index.js";
import { OFFER_FIELDS, type Offer, type OfferContent } from "../directory.model.js";
import { OFFER_KINDS, type OfferChoices } from "../directory.schema.js";

const kindLabels: Record<(typeof OFFER_KINDS)[number], MessageKey> = { activity: "offer.kind.activity", help: "offer.kind.help" };

/** How to come along: an e-mail to the contact with the activity as its subject, else a call, else the association's own link. */
function comeAlongHref(o: Offer): string | null {
  if (o.contactEmail) return `mailto:${o.contactEmail}?subject=${encodeURIComponent(o.title)}`;
  if (o.contactPhone) return telHref(o.contactPhone);
  return o.linkUrl;
}

export function OfferPage(props: {
  offer: Offer;
  categoryLabel: string | null;
  targetGroups: string[];
  mayManage: boolean;
  stale: boolean;
  back?: string;
  logo?: string | null;
}) {
  const { t, fmt, tenant, lang } = usePage();
  const o = props.offer;
  const place = [o.placeName, o.address, o.postcode].filter(Boolean).join(", ");
  const facts: Fact[] = [
    ["offer.time", o.timeText],
    ["offer.slots", o.slots.length ? describeSlots(t, o.slots, lang) : null],
    ["opportunity.place", o.online ? t("offer.online") : place ? <MapPin place={place} /> : null],
    ["offer.targetGroups", props.targetGroups.join(", ") || null],
    ["opportunity.category", props.categoryLabel],
    ["opportunity.languages", fmt.languages(o.languages) || null],
    ["search.facet.accessibility", o.accessibility.map((a) => labelOf(accessibilityLabels, a, t)).join(", ") || null],
    ["search.facet.price", o.price === "free" ? t(priceLabels.free) : (o.priceText ?? t(priceLabels.cost))],
  ];
  const join = comeAlongHref(o);
  return (
    <article class="detail offer">
      <Breadcrumbs trail={[{ href: props.back ?? "/search", label: t("detail.results"), back: t("detail.backToResults") }]} current={o.title} />
      {o.status === "published" && !o.hiddenAt && (
        <JsonLd
          data={{
            "@type": o.kind === "help" ? "Service" : "Event",
            name: o.title,
            description: o.description,
            organizer: { "@type": "Organization", name: o.associationName },
            isAccessibleForFree: o.price === "free",
            ...(o.online
              ? {}
              : {
                  location: {
                    "@type": "Place",
                    name: o.placeName ?? undefined,
                    address: {
                      "@type": "PostalAddress",
                      streetAddress: o.address ?? undefined,
                      postalCode: o.postcode ?? undefined,
                      addressCountry: tenant.country,
                    },
                  },
                }),
          }}
        />
      )}
      {o.status !== "published" && <Alert color="warning">{t(o.status === "pending" ? "offer.pending" : "offer.rejected")}</Alert>}
      {props.stale && props.mayManage && <StaleNotice action={`/directory/offers/${o.id}/confirm`} />}
      <header class="detail-head">
        <p class="detail-kind">{t(kindLabels[o.kind])}</p>
        <Heading>{o.title}</Heading>
        <Organiser name={o.associationName} href={`/directory/associations/${o.associationId}`} logo={props.logo} />
        {join && <PrimaryAction href={join} label={t("detail.comeAlong")} />}
      </header>
      <div class="detail-body">
        <FactBox facts={facts} />
        <div class="detail-main stack">
          <Paragraphs text={o.description} />
          {o.linkUrl && (
            <P>
              <a class="ds-link" href={o.linkUrl} rel="noopener nofollow">
                {t("offer.readMore")}
              </a>
            </P>
          )}
          <section class="stack">
            <Heading level={2} size="md">
              {t("detail.contact")}
            </Heading>
            <ContactLinks email={o.contactEmail} phone={o.contactPhone} subject={o.title} />
          </section>
          {props.mayManage && (
            <div class="actions no-print">
              <ButtonLink href={`/directory/offers/${o.id}/edit`}>{t("offer.edit")}</ButtonLink>
            </div>
          )}
        </div>
      </div>
    </article>
  );
}

export function OfferFormPage(props: {
  action: string;
  associationId: string;
  categories: Term[];
  targetGroups: Term[];
  values: Record<string, string>;
  chosen: OfferChoices;
  errors?: FieldErrors;
  /** The approved offer and the change to it that waits for staff, shown above the form. */
  pending?: { offer: Offer; change: PendingChange<OfferContent> } | null;
}) {
  const { t } = usePage();
  const v = props.values;
  const rows = useOfferChangeRows();
  const errors = props.errors ?? {};
  const { chosen } = props;
  return (
    <div class="stack form">
      <Heading>{t(props.action.endsWith("/new") ? "offer.new.title" : "offer.edit")}</Heading>
      {props.pending && (
        <PendingChangeNotice
          since={props.pending.change.since}
          rows={rows(props.pending.offer, props.pending.change.content, props.categories, props.targetGroups)}
          withdraw={`/directory/offers/${props.pending.offer.id}/withdraw-change`}
        />
      )}
      <ErrorSummary errors={errors} />
      <Form action={props.action} class="stack">
        <input type="hidden" name="associationId" value={props.associationId} />
        <Select
          name="kind"
          label="offer.kind"
          value={v.kind ?? "activity"}
          error={errors.kind}
          options={OFFER_KINDS.map((k) => ({ value: k, label: t(kindLabels[k]) }))}
        />
        <Field name="title" label="offer.title" hint="offer.title.hint" required value={v.title} error={errors.title} />
        <Field name="description" label="offer.description" hint="offer.description.hint" multiline required value={v.description} error={errors.description} />
        <CategorySelect categories={props.categories} value={v.categoryId} error={errors.categoryId} />
        <TargetGroupChoices targetGroups={props.targetGroups} chosen={chosen.targetGroups} />
        <Field name="placeName" label="offer.placeName" value={v.placeName} error={errors.placeName} />
        <Field name="address" label="offer.address" value={v.address} error={errors.address} autocomplete="street-address" />
        <Field name="postcode" label="opportunity.postcode" value={v.postcode} error={errors.postcode} autocomplete="postal-code" />
        <Checkbox name="online" label="offer.online" checked={v.online === "on"} />
        <Field name="timeText" label="offer.time" hint="offer.time.hint" required value={v.timeText} error={errors.timeText} />
        <WeekGrid name="slots" legend="offer.slots" hint="opportunity.slots.hint" chosen={chosen.slots} />
        <AccessibilityChoices chosen={chosen.accessibility} />
        <LanguageChoices chosen={chosen.languages} />
        <Select name="price" label="search.facet.price" value={v.price ?? "free"} options={PRICES.map((p) => ({ value: p, label: t(priceLabels[p]) }))} />
        <Field name="priceText" label="offer.priceText" value={v.priceText} error={errors.priceText} />
        <Field
          name="contactEmail"
          label="opportunity.contactEmail"
          type="email"
          required
          value={v.contactEmail}
          error={errors.contactEmail}
          autocomplete="email"
        />
        <Field name="contactPhone" label="association.phone" type="tel" value={v.contactPhone} error={errors.contactPhone} />
        <Field name="linkUrl" label="offer.link" type="url" value={v.linkUrl} error={errors.linkUrl} />
        <div class="actions">
          <Button variant="primary">{t("form.save")}</Button>
        </div>
      </Form>
    </div>
  );
}

export function AssociationOffersPage(props: { associationId: string; rows: Offer[] }) {
  const { t } = usePage();
  const status: Record<Offer["status"], MessageKey> = {
    pending: "offer.status.pending",
    published: "offer.status.published",
    rejected: "offer.status.rejected",
  };
  return (
    <div class="stack">
      <Heading>{t("offer.mine.title")}</Heading>
      <div class="actions">
        <ButtonLink href={`/directory/offers/new?association=${props.associationId}`} variant="primary">
          {t("offer.new.title")}
        </ButtonLink>
        <ButtonLink href={`/directory/associations/${props.associationId}/profile`}>{t("directory.profile.title")}</ButtonLink>
      </div>
      {props.rows.length === 0 ? (
        <EmptyState title="offer.mine.empty" />
      ) : (
        <DataTable
          caption={t("offer.mine.title")}
          rows={props.rows}
          columns={[
            { key: "title", label: "offer.title", cell: (o) => <Link href={`/directory/offers/${o.id}`}>{o.title}</Link> },
            { key: "status", label: "apiTokens.state", cell: (o) => (o.hiddenAt ? t("offer.status.hidden") : t(status[o.status])) },
          ]}
        />
      )}
    </div>
  );
}

const OFFER_LABELS: Record<(typeof OFFER_FIELDS)[number], MessageKey> = {
  kind: "offer.kind",
  title: "offer.title",
  description: "offer.description",
  categoryId: "opportunity.category",
  targetGroups: "offer.targetGroups",
  placeName: "offer.placeName",
  address: "offer.address",
  postcode: "opportunity.postcode",
  online: "offer.online",
  timeText: "offer.time",
  slots: "offer.slots",
  accessibility: "search.facet.accessibility",
  languages: "opportunity.languages",
  price: "search.facet.price",
  priceText: "offer.priceText",
  contactEmail: "opportunity.contactEmail",
  contactPhone: "association.phone",
  linkUrl: "offer.link",
};

/** The difference between the approved offer and a change to it, field by field in words. */
function useOfferChangeRows() {
  const { t, fmt, lang } = usePage();
  const yesNo = { yes: t("common.yes"), no: t("common.no") };
  return (before: OfferContent, after: OfferContent, categories: Term[], groups: Term[]): ShownChange[] => {
    const name = (terms: Term[], key: "id" | "code", v: string) => terms.find((x) => x[key] === v)?.label ?? v;
    const show = (field: (typeof OFFER_FIELDS)[number], value: unknown): string => {
      if (field === "kind") return t(kindLabels[value as OfferContent["kind"]] ?? "offer.kind.activity");
      if (field === "categoryId") return typeof value === "string" ? name(categories, "id", value) : "";
      if (field === "targetGroups") return (value as string[]).map((g) => name(groups, "code", g)).join(", ");
      if (field === "slots") return describeSlots(t, value as string[], lang);
      if (field === "accessibility") return (value as string[]).map((a) => labelOf(accessibilityLabels, a, t)).join(", ");
      if (field === "languages") return fmt.languages(value as string[]);
      if (field === "price") return labelOf(priceLabels, String(value), t);
      return plainValue(value, yesNo);
    };
    return showDiff(diffFields(before, after, OFFER_FIELDS), (f) => t(OFFER_LABELS[f]), show);
  };
}

/** Staff's queue for the directory: new offers, changes to public offers, and changes to associations' pages. */
export function OfferModerationPage(props: {
  rows: { offer: Offer; change: PendingChange<OfferContent> | null }[];
  profiles: ProfileChangeItem[];
  categories: Term[];
  targetGroups: Term[];
}) {
  const { t } = usePage();
  const rows = useOfferChangeRows();
  const profileRows = useProfileChangeRows();
  const empty = props.rows.length === 0 && props.profiles.length === 0;
  return (
    <div class="stack moderation">
      <Heading>{t("offer.moderation.title")}</Heading>
      <div class="actions">
        <ButtonLink href="/directory/import">{t("offerImport.title")}</ButtonLink>
      </div>
      {empty && <EmptyState title="moderation.empty" />}
      {props.profiles.length > 0 && (
        <>
          <Heading level={2} size="md">
            {t("directory.moderation.profiles")}
          </Heading>
          {props.profiles.map(({ association: a, change }) => (
            <DecisionCard
              item={{
                id: a.id,
                kind: t("moderation.kind.change"),
                title: a.name,
                href: `/directory/associations/${a.id}`,
                association: a.name,
                person: a.email,
                sent: change.since,
                action: `/directory/associations/${a.id}/profile/decision`,
              }}
            >
              <ChangeList id={a.id} rows={profileRows(a, change.content)} />
            </DecisionCard>
          ))}
        </>
      )}
      {props.rows.length > 0 && (
        <>
          <Heading level={2} size="md">
            {t("directory.moderation.offers")}
          </Heading>
          {props.rows.map(({ offer: o, change }) => (
            <DecisionCard
              item={{
                id: o.id,
                kind: t(change ? "moderation.kind.change" : "moderation.kind.new"),
                title: change?.content.title ?? o.title,
                href: `/directory/offers/${o.id}`,
                association: o.associationName,
                person: (change?.content ?? o).contactEmail,
                sent: change?.since ?? o.updatedAt,
                excerpt: change ? undefined : excerptOf(o.description),
                action: `/directory/offers/${o.id}/decision`,
              }}
            >
              {change && <ChangeList id={o.id} rows={rows(o, change.content, props.categories, props.targetGroups)} />}
            </DecisionCard>
          ))}
        </>
      )}
    </div>
  );
}

function StaleNotice(props: { action: string }) {
  const { t } = usePage();
  return (
    <Alert color="warning">
      <P>{t("offer.stale")}</P>
      <Form action={props.action}>
        <Button variant="primary">{t("offer.confirm")}</Button>
      </Form>
    </Alert>
  );
}

export function AssociationPublicPage(props: {
  association: Association;
  offers: Offer[];
  jobs: { id: string; title: string }[];
  mayEdit: boolean;
  stale: boolean;
  back?: string;
}) {
  const { t } = usePage();
  const a = props.association;
  const logo = a.logoFileId ? `/directory/associations/${a.id}/logo?v=${a.logoFileId}` : null;
  const facts: Fact[] = [
    [
      "auth.email",
      <a class="ds-link" href={`mailto:${a.email}`}>
        {a.email}
      </a>,
    ],
    [
      "association.phone",
      a.phone ? (
        <a class="ds-link" href={telHref(a.phone)}>
          {a.phone}
        </a>
      ) : null,
    ],
    [
      "directory.website",
      a.website ? (
        <a class="ds-link" href={a.website} rel="noopener nofollow">
          {a.website.replace(/^https?:\/\//, "").replace(/\/$/, "")}
        </a>
      ) : null,
    ],
    ["directory.offers", props.offers.length ? String(props.offers.length) : null],
    ["opportunity.list.title", props.jobs.length ? String(props.jobs.length) : null],
  ];
  return (
    <article class="detail">
      <Breadcrumbs trail={[{ href: props.back ?? "/search", label: t("detail.results"), back: t("detail.backToResults") }]} current={a.name} />
      {props.stale && props.mayEdit && <StaleNotice action={`/directory/associations/${a.id}/confirm`} />}
      <JsonLd data={{ "@type": "Organization", name: a.name, description: a.description || undefined, url: a.website ?? undefined, email: a.email }} />
      <header class="detail-head detail-head-with-logo">
        {logo ? <img class="logo detail-logo" data-size="lg" src={logo} alt={t("directory.logoOf", { name: a.name })} /> : <Logo name={a.name} size="lg" />}
        <div>
          <Heading>{a.name}</Heading>
          <PrimaryAction href={`mailto:${a.email}`} label={t("detail.comeAlong")} />
        </div>
      </header>
      <div class="detail-body">
        <FactBox facts={facts} />
        <div class="detail-main stack">
          {a.description ? <Paragraphs text={a.description} /> : <P>{t("directory.noDescription")}</P>}
          {props.mayEdit && (
            <div class="actions no-print">
              <ButtonLink href={`/directory/associations/${a.id}/profile`}>{t("directory.profile.title")}</ButtonLink>
              <ButtonLink href={`/directory/association/${a.id}`}>{t("offer.mine.title")}</ButtonLink>
            </div>
          )}
          <section class="stack">
            <Heading level={2} size="md">
              {t("directory.offers")}
            </Heading>
            {props.offers.length === 0 ? (
              <P>{t("directory.noOffers")}</P>
            ) : (
              <ul class="detail-list">
                {props.offers.map((o) => (
                  <li class="ds-card">
                    <Link href={`/directory/offers/${o.id}`}>{o.title}</Link>
                    <span>{o.timeText}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section class="stack">
            <Heading level={2} size="md">
              {t("opportunity.list.title")}
            </Heading>
            {props.jobs.length === 0 ? (
              <P>{t("directory.noJobs")}</P>
            ) : (
              <ul class="detail-list">
                {props.jobs.map((j) => (
                  <li class="ds-card">
                    <Link href={`/opportunities/${j.id}`}>{j.title}</Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>
    </article>
  );
}
