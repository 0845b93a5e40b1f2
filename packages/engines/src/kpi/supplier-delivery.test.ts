import { describe, expect, it } from "vitest";
import { supplierDelivery } from "./supplier-delivery";

describe("supplierDelivery", () => {
  const asOf = "2026-10-31";
  const [acme, brix] = supplierDelivery(
    [
      // ACME: on time in full; late but complete; on time but partial; due and never received.
      {
        key: "ACME",
        promisedDate: "2026-10-05",
        promisedQty: 100,
        receivedDate: "2026-10-04",
        receivedQty: 100,
      },
      {
        key: "ACME",
        promisedDate: "2026-10-05",
        promisedQty: 50,
        receivedDate: "2026-10-09",
        receivedQty: 50,
      },
      {
        key: "ACME",
        promisedDate: "2026-10-20",
        promisedQty: 40,
        receivedDate: "2026-10-20",
        receivedQty: 30,
      },
      { key: "ACME", promisedDate: "2026-10-25", promisedQty: 10, receivedDate: null, receivedQty: 0 },
      // Not yet due: promised after the as-of date, so it does not count.
      { key: "ACME", promisedDate: "2026-11-10", promisedQty: 70, receivedDate: null, receivedQty: 0 },
      // BRIX: only a line not yet due.
      { key: "BRIX", promisedDate: "2026-11-02", promisedQty: 5, receivedDate: null, receivedQty: 0 },
    ],
    asOf,
  );

  it("counts late but complete as in full, partial as on time, and unreceived due lines as neither", () => {
    // Due lines 4: on time = lines 1 and 3 → 2/4; in full = lines 1 and 2 → 2/4; OTIF = line 1 → 1/4.
    // Short: 10 (line 3) + 10 (line 4) = 20.
    expect(acme).toEqual({ key: "ACME", lines: 4, onTime: 0.5, inFull: 0.5, otif: 0.25, unitsShort: 20 });
  });

  it("leaves out lines not yet due, and has no shares without lines due", () => {
    expect(brix).toEqual({ key: "BRIX", lines: 0, onTime: null, inFull: null, otif: null, unitsShort: 0 });
  });

  it("counts an over-delivery as in full", () => {
    const [row] = supplierDelivery(
      [
        {
          key: "all",
          promisedDate: "2026-10-01",
          promisedQty: 10,
          receivedDate: "2026-10-01",
          receivedQty: 12,
        },
      ],
      asOf,
    );
    expect(row).toMatchObject({ otif: 1, unitsShort: 0 });
  });
});
