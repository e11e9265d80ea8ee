import { type Context, Hono } from "hono";
import { csvResponse } from "../../platform/http/csv.js";
import type { AppEnv } from "../../platform/http/env.js";
import { type FieldErrors, formFailure, notFound } from "../../platform/http/errors.js";
import { parseForm } from "../../platform/http/forms.js";
import { render } from "../../platform/http/render.js";
import { formats } from "../../platform/i18n/format.js";
import { serviceContext, tenantToday } from "../../platform/service-context.js";
import type { MemberFilter } from "./members.model.js";
import { feeInput, groupInput, memberFilterInput, memberInput, newMemberInput } from "./members.schema.js";
import { addMember, associationsToAdd, changeMember, createGroup, memberGroups, memberPage, membersPage, recordFee, renameGroup } from "./members.service.js";
import { FEE_LABELS, GroupPage, GroupsPage, MemberPage, MembersListPage, NewMemberPage, TYPE_LABELS } from "./views/members-views.js";

type FormState = { values: Record<string, string>; errors: FieldErrors };

/** The groups ticked in a form that came back, from the comma-joined value `parseForm` keeps for a list. */
const chosenIn = (form?: FormState) => (form ? (form.values.groups ?? "").split(",").filter(Boolean) : undefined);
type Status = 200 | 409 | 413 | 415 | 422 | 429;

function filterOf(c: Context<AppEnv>): MemberFilter {
  const q = memberFilterInput.parse({ group: c.req.query("group") ?? "", type: c.req.query("type") ?? "", status: c.req.query("status") ?? "current" });
  return { groupId: q.group || null, type: q.type || null, status: q.status };
}

const query = (f: MemberFilter) =>
  new URLSearchParams({ ...(f.groupId ? { group: f.groupId } : {}), ...(f.type ? { type: f.type } : {}), status: f.status }).toString();

async function showGroups(c: Context<AppEnv>, form?: FormState, status: Status = 200) {
  const groups = await memberGroups(serviceContext(c));
  return render(c, c.get("t")("members.groups.title"), <GroupsPage groups={groups} form={form} />, status);
}

async function showGroup(c: Context<AppEnv>, form?: FormState, status: Status = 200) {
  const group = (await memberGroups(serviceContext(c))).find((g) => g.id === c.req.param("id"));
  if (!group) throw notFound();
  return render(c, group.name, <GroupPage group={group} form={form} />, status);
}

async function showNew(c: Context<AppEnv>, form?: FormState, status: Status = 200) {
  const ctx = serviceContext(c);
  const associations = await associationsToAdd(ctx);
  const today = tenantToday(ctx);
  return render(
    c,
    c.get("t")("members.add"),
    <NewMemberPage associations={associations} groups={await memberGroups(ctx)} form={form} chosen={chosenIn(form)} today={today} />,
    status,
  );
}

async function showMember(c: Context<AppEnv>, form?: FormState, status: Status = 200) {
  const page = await memberPage(serviceContext(c), c.req.param("id") as string);
  return render(c, page.member.associationName, <MemberPage {...page} form={form} chosen={chosenIn(form)} />, status);
}

/** The centre's members: a list per group with filters and CSV, each member's page with dates, groups and fee status; the groups. */
export const membersRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const page = await membersPage(serviceContext(c), filterOf(c));
    return render(c, c.get("t")("members.title"), <MembersListPage {...page} csvHref={`/members/export.csv?${query(page.filter)}`} />);
  })
  .get("/export.csv", async (c) => {
    const page = await membersPage(serviceContext(c), filterOf(c));
    const t = c.get("t");
    const fmt = formats(c.get("lang"), c.get("tenant").timeZone);
    const names = new Map(page.groups.map((g) => [g.id, g.name]));
    return csvResponse(
      c,
      "members.csv",
      [
        t("members.col.association"),
        t("members.email"),
        t("members.col.type"),
        t("members.col.groups"),
        t("members.col.joined"),
        t("members.col.left"),
        t("members.col.fee"),
      ],
      page.members.map((m) => [
        m.associationName,
        m.associationEmail,
        t(TYPE_LABELS[m.membershipType]),
        m.groupIds.map((g) => names.get(g) ?? "").join(", "),
        fmt.date(m.joinedOn),
        m.leftOn ? fmt.date(m.leftOn) : "",
        t(FEE_LABELS[m.fees[page.year] ?? "unpaid"]),
      ]),
    );
  })
  .get("/new", (c) => showNew(c))
  .post("/", async (c) => {
    const form = await parseForm(c, newMemberInput, ["groups"]);
    if (!form.ok) return showNew(c, form, 422);
    try {
      const id = await addMember(serviceContext(c), form.data);
      return c.redirect(`/members/${id}?notice=memberAdded`, 303);
    } catch (e) {
      const f = formFailure(e);
      return showNew(c, { values: form.values, errors: f.fields }, f.status);
    }
  })
  .get("/groups", (c) => showGroups(c))
  .post("/groups", async (c) => {
    const form = await parseForm(c, groupInput);
    if (!form.ok) return showGroups(c, form, 422);
    try {
      await createGroup(serviceContext(c), form.data);
      return c.redirect("/members/groups?notice=memberGroupCreated", 303);
    } catch (e) {
      const f = formFailure(e);
      return showGroups(c, { values: form.values, errors: f.fields }, f.status);
    }
  })
  .get("/groups/:id", (c) => showGroup(c))
  .post("/groups/:id", async (c) => {
    const form = await parseForm(c, groupInput);
    if (!form.ok) return showGroup(c, form, 422);
    try {
      await renameGroup(serviceContext(c), c.req.param("id"), form.data);
      return c.redirect("/members/groups?notice=memberGroupRenamed", 303);
    } catch (e) {
      const f = formFailure(e);
      return showGroup(c, { values: form.values, errors: f.fields }, f.status);
    }
  })
  .get("/:id", (c) => showMember(c))
  .post("/:id", async (c) => {
    const form = await parseForm(c, memberInput, ["groups"]);
    if (!form.ok) return showMember(c, form, 422);
    try {
      await changeMember(serviceContext(c), c.req.param("id"), form.data);
      return c.redirect(`/members/${c.req.param("id")}?notice=memberSaved`, 303);
    } catch (e) {
      const f = formFailure(e);
      return showMember(c, { values: form.values, errors: f.fields }, f.status);
    }
  })
  .post("/:id/fees", async (c) => {
    const form = await parseForm(c, feeInput);
    if (!form.ok) return showMember(c, undefined, 422);
    await recordFee(serviceContext(c), c.req.param("id"), form.data);
    return c.redirect(`/members/${c.req.param("id")}?notice=memberFeeSaved`, 303);
  });
