/**
 * Writes this process has made to each tenant's search documents. A request that writes and then searches
 * holds the count of search changes it read before its write, so its own write must make the index look again.
 */
const written = new Map<string, number>();

export function noteSearchWrite(tenantId: string): void {
  written.set(tenantId, (written.get(tenantId) ?? 0) + 1);
}

export function writesHere(tenantId: string): number {
  return written.get(tenantId) ?? 0;
}
