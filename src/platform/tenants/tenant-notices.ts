import type { Database } from "../../db/database.js";
import { type Listening, listenFor } from "../../db/portable.js";

/** The channel the database notifies on when a tenant's row changes (migration 20261203_0900_tenant_row_notices). */
const CHANNEL = "sammen_tenant_rows";
/** Host names kept at most; the oldest goes first. The Host header is the client's to write. */
const MAX_HOSTS = 1000;

interface Kept {
  /** Whether what is kept may be used now; it may forget everything first. */
  usable: () => boolean;
  /** Moves each time everything is forgotten: a read begun before it moved is not kept. */
  generation: number;
  rows: Map<string, unknown>;
}
const keptByDb = new WeakMap<Database, Kept>();

/**
 * On PostgreSQL the row every request reads about its tenant (which tenant a host is, its settings version, its
 * count of search changes) is a round trip to the database server. With this, an instance keeps that row per host
 * and forgets it when the database says any instance has committed a change to it (LISTEN/NOTIFY); while the
 * listening connection is down, nothing is kept. A notice arrives within a millisecond or so of the commit; for
 * that long a kept row may not yet show a change of the tenant's settings or search documents. So only GETs
 * without a session or an API key use what is kept (`keptHostRead`): whoever has just changed something is
 * signed in, or sent it with a form, and reads the row.
 */
export function hearTenantChanges(db: Database, connectionString: string, onError: (error: Error) => void): Listening {
  let listening = false;
  const kept = keepFor(db, () => listening);
  return listenFor(connectionString, CHANNEL, {
    notice: kept.forget,
    listening: (now) => {
      kept.forget();
      listening = now;
    },
    error: onError,
  });
}

/**
 * On SQLite the same, without notices: the row is kept while the database's change stamp (`changeStamp` in
 * portable.ts: rows this connection changed at once, and commits by any other within a millisecond) stays the same,
 * which costs a fraction of reading the row through the query builder.
 */
export function keepTenantRowsWhileUnchanged(db: Database, changeStamp: () => string): void {
  let seen = changeStamp();
  const kept = keepFor(db, () => {
    const now = changeStamp();
    if (now !== seen) {
      seen = now;
      kept.forget();
    }
    return true;
  });
}

function keepFor(db: Database, usable: () => boolean) {
  const kept: Kept = { usable, generation: 0, rows: new Map() };
  keptByDb.set(db, kept);
  return {
    forget() {
      kept.generation++;
      kept.rows.clear();
    },
  };
}

/** The host's row as kept since the last change, else read (and kept when nothing changed meanwhile). */
export async function keptHostRead<R extends object>(db: Database, host: string, read: () => Promise<R | null>): Promise<R | null> {
  const kept = keptByDb.get(db);
  if (!kept?.usable()) return read();
  const row = kept.rows.get(host) as R | undefined;
  if (row) return row;
  const generation = kept.generation;
  const fresh = await read();
  if (fresh && kept.usable() && kept.generation === generation) {
    kept.rows.set(host, fresh);
    if (kept.rows.size > MAX_HOSTS) kept.rows.delete(kept.rows.keys().next().value as string);
  }
  return fresh;
}
