export * from "./database";
export * from "./embedded-server";
export * from "./entity-store";
export * from "./entity-writer";
export * from "./errors";
export * from "./migrate";
export type * from "./schema";
