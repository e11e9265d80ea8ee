import type { ServiceContext } from "../../platform/service-context.js";
import { LINK_KINDS, type LinkKind } from "./agreements.model.js";

/** What another module offers an agreement to link to: its records in the tenant, by id and name. */
export type LinkTargets = (ctx: Pick<ServiceContext, "db" | "tenant">) => Promise<{ id: string; name: string }[]>;

const sources = new Map<LinkKind, LinkTargets>();

/**
 * The grants and premises modules name their schemes and premises here (from their index), so that
 * agreements need not import them: they import agreements, to say which agreement a scheme or premise is part of.
 */
export function offerLinkTargets(kind: LinkKind, targets: LinkTargets): void {
  sources.set(kind, targets);
}

/** Every record on offer, each with its kind. */
export async function linkTargets(ctx: Pick<ServiceContext, "db" | "tenant">): Promise<{ kind: LinkKind; id: string; name: string }[]> {
  const lists = await Promise.all(
    LINK_KINDS.map(async (kind) => {
      const list = sources.get(kind);
      return list ? (await list(ctx)).map((t) => ({ kind, id: t.id, name: t.name })) : [];
    }),
  );
  return lists.flat();
}
