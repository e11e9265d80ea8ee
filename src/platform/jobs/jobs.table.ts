export interface JobsTable {
  id: string;
  tenant_id: string | null;
  name: string;
  payload: string;
  unique_key: string | null;
  status: "queued" | "running" | "done" | "failed";
  run_at: string;
  attempts: number;
  max_attempts: number;
  locked_by: string | null;
  /** When the worker holding the job claimed it or last renewed its lease. */
  locked_at: string | null;
  last_error: string | null;
  created_at: string;
  finished_at: string | null;
}

/** These tables in the database interface, so `db/schema.ts` need not know them. */
declare module "../../db/schema.js" {
  interface DB {
    jobs: JobsTable;
  }
}
