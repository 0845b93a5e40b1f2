// Benchmark: importing sales history from CSV through Fulcrum's validated, all-or-nothing import,
// against a raw PostgreSQL COPY of the same file into the same table in the same run.

import { createReadStream, createWriteStream } from "node:fs";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { createFulcrum } from "@fulcrum/app";
import { entity } from "@fulcrum/domain";
import { from as copyFrom } from "pg-copy-streams";
import { fmt, peakRss, scratchDatabase, timed } from "./support";

export async function benchImport(rows: number): Promise<void> {
  console.log(`\n## Import ${fmt(rows)} sales-history rows from CSV`);
  const scratch = await scratchDatabase();
  try {
    const { database } = scratch;
    const fulcrum = createFulcrum(database);
    await fulcrum.loadDemo({ skuCount: 300 });
    const skus = (
      await database.pool.query<{ sku: string }>("SELECT sku FROM items WHERE item_type = 'finished'")
    ).rows.map((r) => r.sku);
    const customers = (await database.pool.query<{ code: string }>("SELECT code FROM customers")).rows.map(
      (r) => r.code,
    );
    const locations = (
      await database.pool.query<{ code: string }>("SELECT code FROM locations WHERE location_type = 'dc'")
    ).rows.map((r) => r.code);
    const file = join(scratch.dir, "sales_history.csv");
    await writeHistoryCsv(file, rows, skus, customers, locations);
    await database.pool.query("TRUNCATE sales_history");

    const columns = entity("sales_history")
      .columns.map((c) => c.name)
      .join(", ");
    const raw = await timed(async () => {
      const client = await database.pool.connect();
      try {
        await pipeline(
          createReadStream(file),
          client.query(copyFrom(`COPY sales_history (${columns}) FROM STDIN WITH (FORMAT csv, HEADER true)`)),
        );
      } finally {
        client.release();
      }
    });
    await database.pool.query("TRUNCATE sales_history");

    const importOnce = async () => {
      await database.pool.query("CHECKPOINT"); // start each run with no dirty pages from the last
      return peakRss(() =>
        timed(() =>
          fulcrum.imports.importFile({
            entity: "sales_history",
            fileName: "sales_history.csv",
            content: createReadStream(file),
            userId: null,
          }),
        ),
      );
    };
    const fresh = await importOnce();
    const again = await importOnce();
    if (fresh.result.result.inserted !== rows || again.result.result.unchanged !== rows)
      throw new Error("the import did not load every row");

    const line = (label: string, seconds: number, extra = "") =>
      console.log(
        `${label.padEnd(44)} ${fmt(seconds, 2).padStart(7)} s  ${fmt(rows / seconds).padStart(9)} rows/s  ${extra}`,
      );
    line("raw COPY (reference)", raw.seconds);
    line(
      "Fulcrum import into the empty table",
      fresh.result.seconds,
      `×${fmt(fresh.result.seconds / raw.seconds, 2)} of COPY, peak RSS ${fmt(fresh.peakMiB)} MiB`,
    );
    line(
      "Fulcrum re-import, nothing changes",
      again.result.seconds,
      `×${fmt(again.result.seconds / raw.seconds, 2)} of COPY, peak RSS ${fmt(again.peakMiB)} MiB`,
    );
  } finally {
    await scratch.dispose();
  }
}

// Prices are whole euros so the very same bytes are valid for the raw COPY (integer minor units)
// and for the import (decimal amounts).
async function writeHistoryCsv(
  file: string,
  rows: number,
  skus: string[],
  customers: string[],
  locations: string[],
): Promise<void> {
  const out = createWriteStream(file);
  out.write(
    "order_id,line,sku,customer,location,order_date,requested_date,requested_qty,delivered_date,delivered_qty,cancelled_qty,unit_price\n",
  );
  let seed = 12345;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const day = (offset: number) =>
    new Date(Date.UTC(2023, 10, 1) + offset * 86_400_000).toISOString().slice(0, 10);
  let buffer = "";
  for (let i = 0; i < rows; i++) {
    const ordered = Math.floor(next() * 1090);
    const qty = 1 + Math.floor(next() * 200);
    const cancelled = next() < 0.02 ? Math.floor(qty / 2) : 0;
    buffer += `B${Math.floor(i / 4)},${(i % 4) + 1},${skus[Math.floor(next() * skus.length)]},${customers[Math.floor(next() * customers.length)]},${locations[i % locations.length]},${day(ordered)},${day(ordered + 7)},${qty},${day(ordered + 6)},${qty - cancelled},${cancelled},${1 + Math.floor(next() * 4)}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise<void>((r) => out.once("drain", () => r()));
      buffer = "";
    }
  }
  out.end(buffer);
  await new Promise<void>((r) => out.once("finish", () => r()));
}
