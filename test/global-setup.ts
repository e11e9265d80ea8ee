import type { TestProject } from "vitest/node";
import { type Cluster, startCluster, whoCanRunPostgres } from "./postgres-cluster.js";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string | null;
  }
}

let cluster: Cluster | null = null;

/** Uses TEST_DATABASE_URL when set; otherwise starts a throwaway cluster. Says loudly when PostgreSQL cannot run. */
export async function setup(project: TestProject) {
  let url = process.env.TEST_DATABASE_URL ?? null;
  if (!url) {
    const problem = whoCanRunPostgres();
    if (problem) {
      const message = `\n*** PostgreSQL tests NOT run: ${problem} ***\n`;
      if (process.env.CI === "true") throw new Error(message);
      console.warn(message);
    } else {
      cluster = await startCluster();
      url = cluster.url;
    }
  }
  project.provide("postgresUrl", url);
}

export async function teardown() {
  cluster?.stop();
}
