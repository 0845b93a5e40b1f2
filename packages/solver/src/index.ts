export * from "./export-model";
export * from "./highs-solve";
export * from "./plan-supply";
export * from "./plan-supply-by-family";
export * from "./solve-result";
export * from "./solver";
