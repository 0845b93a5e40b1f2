export * from "./export-model";
export * from "./highs-solve";
export * from "./solve-result";
export * from "./solver";
