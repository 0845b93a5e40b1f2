import { redTomatoProblem } from "@fulcrum/engines";
import { describe, expect, it } from "vitest";
import { assembleSupplyProblem } from "./assemble-supply-problem";
import { phantomIntermediates } from "./phantom-intermediates";
import { SMALL_COMPANY } from "./supply-data.fixture";

describe("phantomIntermediates", () => {
  it("moves a made component's hours and materials into its parent", () => {
    const { problem } = assembleSupplyProblem(SMALL_COMPANY);
    const flat = phantomIntermediates(problem);
    expect(flat.production.map((o) => o.sku)).toEqual(["JUICE"]);
    // JUICE takes 2 bottles; a bottle takes 0.01 h of filling and 1.02 concentrate (2 % scrap).
    expect(flat.routings).toContainEqual({
      sku: "JUICE",
      plant: "PLANT",
      resource: "FILL",
      hoursPerUnit: 0.02,
    });
    expect(flat.bom).toEqual([{ parent: "JUICE", component: "CONC", quantityPer: 2 * 1.02 }]);
    expect(flat.openingInventory.some((s) => s.sku === "BOTTLE")).toBe(false);
  });

  it("leaves a problem without made components as it is", () => {
    const problem = redTomatoProblem({ integerWorkforce: false });
    expect(phantomIntermediates(problem)).toEqual(problem);
  });
});
