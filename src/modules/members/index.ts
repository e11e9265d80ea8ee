import { can } from "../../platform/auth/policy.js";
import type { ModuleDefinition } from "../../platform/modules.js";
import { canManageMembers } from "./members.policy.js";
import { membersRoutes } from "./members.routes.js";
import type {} from "./members.table.js"; // its tables join the database interface

export type { MemberGroup } from "./members.model.js";
export { findMemberGroup, isInMemberGroup, memberGroupAddresses, memberGroups } from "./members.service.js";

export const membersModule: ModuleDefinition = {
  name: "members",
  mounts: [{ path: "/members", routes: membersRoutes }],
  notices: {
    memberAdded: "members.notice.added",
    memberSaved: "members.notice.saved",
    memberFeeSaved: "members.notice.feeSaved",
    memberGroupCreated: "members.notice.groupCreated",
    memberGroupRenamed: "members.notice.groupRenamed",
  },
  nav: [{ href: "/members", label: "nav.members", group: "centre", visible: (a) => can(a, canManageMembers, { tenantId: a.tenantId }) }],
};
