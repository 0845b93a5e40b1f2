// Opens the database and the application for one CLI command, and closes both afterwards.

import { createFulcrum, type Fulcrum } from "@fulcrum/app";
import { openDatabase } from "@fulcrum/storage";
import type { CliConfig } from "./config";

export async function withFulcrum<T>(config: CliConfig, run: (fulcrum: Fulcrum) => Promise<T>): Promise<T> {
  const database = await openDatabase(config);
  try {
    return await run(createFulcrum(database));
  } finally {
    await database.close();
  }
}
