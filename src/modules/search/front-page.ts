import type { SearchHit } from "../../platform/search/query.js";
import type { ServiceContext } from "../../platform/service-context.js";
import type { FacetOption } from "./search.model.js";
import { searchInput } from "./search.schema.js";
import { searches } from "./search.service.js";

export interface FrontPage {
  /** The tenant's categories with how many public jobs, offers and associations each has. */
  categories: FacetOption[];
  newestJobs: SearchHit[];
  newestOffers: SearchHit[];
  newestEvents: SearchHit[];
}

/** What the home page shows under its search box: the categories as ways in, and what is new (jobs, activities, events). */
export async function frontPage(ctx: ServiceContext, cards = 4): Promise<FrontPage> {
  const everything = searchInput.parse({});
  const [all, jobs, offers, events] = await searches(ctx, [
    { input: everything, limit: 0 },
    { input: { ...everything, kind: ["opportunity"], sort: "newest" }, limit: cards },
    { input: { ...everything, kind: ["offer"], sort: "newest" }, limit: cards },
    { input: { ...everything, kind: ["event"], sort: "newest" }, limit: cards },
  ]);
  return {
    categories: all?.ok ? all.facets.category.filter((c) => c.count > 0) : [],
    newestJobs: jobs?.ok ? jobs.hits : [],
    newestOffers: offers?.ok ? offers.hits : [],
    newestEvents: events?.ok ? events.hits : [],
  };
}
