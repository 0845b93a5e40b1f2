// Entry of the solver worker thread: Fulcrum runs TypeScript through tsx, and a worker thread
// does not inherit the main thread's loader, so it registers tsx before loading the worker.
import { register } from "tsx/esm/api";

register();
await import("./solver-worker.ts");
