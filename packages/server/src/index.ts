export * from "./app";
export * from "./serve";
