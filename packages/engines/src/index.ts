export * from "./accuracy/interval-scores";
export * from "./accuracy/mase";
export * from "./accuracy/point-errors";
export * from "./forecast/baselines";
export * from "./forecast/seasonality";
