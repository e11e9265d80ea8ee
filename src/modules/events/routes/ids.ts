/** An event's or registration's id in a path: a UUID, so fixed paths never match it. */
export const ID = "{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}}";
