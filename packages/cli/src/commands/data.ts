// `fulcrum import`, `fulcrum export`, `fulcrum demo` and `fulcrum migrate`.

import { createReadStream, createWriteStream } from "node:fs";
import { basename } from "node:path";
import { pipeline } from "node:stream/promises";
import { AppError, formatOf } from "@fulcrum/app";
import { findEntity } from "@fulcrum/domain";
import { openDatabase } from "@fulcrum/storage";
import type { CliConfig } from "../config";
import { withFulcrum } from "../session";

/** The entity a file is for: given, or its name without extension ("items.csv" → items). */
export function entityForFile(file: string, given?: string): string {
  const name = given ?? basename(file).replace(/\.(csv|txt|xlsx)$/i, "");
  if (!findEntity(name))
    throw new AppError("bad_request", `cannot tell which entity ${basename(file)} holds; pass --entity`);
  return name;
}

export async function importFiles(config: CliConfig, files: string[], entity?: string): Promise<void> {
  await withFulcrum(config, async (fulcrum) => {
    for (const file of files) {
      const summary = await fulcrum.imports.importFile({
        entity: entityForFile(file, entity),
        fileName: basename(file),
        content: createReadStream(file),
        userId: null,
      });
      console.log(
        `${summary.fileName} → ${summary.entity}: ${summary.rows} rows (${summary.inserted} new, ${summary.updated} changed, ${summary.unchanged} unchanged)`,
      );
    }
  });
}

export async function exportEntity(config: CliConfig, entity: string, file: string): Promise<void> {
  const format = formatOf(file);
  if (!format) throw new AppError("bad_request", `${file} must end in .csv or .xlsx`);
  await withFulcrum(config, async (fulcrum) => {
    const download = await fulcrum.exports.export(entity, format);
    await pipeline(download.body, createWriteStream(file));
    console.log(`Exported ${entity} to ${file}`);
  });
}

export async function loadDemo(config: CliConfig, options: { seed: number; skus: number }): Promise<void> {
  await withFulcrum(config, async (fulcrum) => {
    const result = await fulcrum.loadDemo({ seed: options.seed, skuCount: options.skus });
    const total = Object.values(result.rows).reduce((a, b) => a + b, 0);
    console.log(`Loaded ${result.company}: ${total.toLocaleString("en")} rows`);
    const history = await fulcrum.playDemoCycles();
    console.log(
      `Played ${history.cycles.length} past S&OP cycles (${history.cycles[0]}–${history.cycles.at(-1)}) and committed ${history.committed} plans, for forecast accuracy and the plan's attainment`,
    );
  });
}

export async function migrate(config: CliConfig): Promise<void> {
  const database = await openDatabase(config); // opening migrates
  console.log(`Schema is up to date (${database.kind} database).`);
  await database.close();
}

export async function setCompany(
  config: CliConfig,
  options: { name?: string; currency?: string; minorDigits?: string; period?: string },
): Promise<void> {
  await withFulcrum(config, async (fulcrum) => {
    await fulcrum.workspace.ensureCompany(new Date());
    const current = await fulcrum.workspace.company();
    const company = await fulcrum.workspace.updateCompany({
      ...(options.name ? { name: options.name } : {}),
      ...(options.currency || options.minorDigits
        ? {
            currency: {
              code: options.currency ?? current.currency.code,
              minorDigits: Number(options.minorDigits ?? current.currency.minorDigits),
            },
          }
        : {}),
      ...(options.period ? { currentPeriod: options.period as never } : {}),
    });
    console.log(
      `${company.name}: ${company.currency.code}, ${company.bucket}ly buckets, current cycle ${company.currentPeriod}`,
    );
  });
}
