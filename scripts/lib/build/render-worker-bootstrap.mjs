// The entry of the build's render worker. Worker threads do not inherit tsx's loader, and Node cannot start a
// worker from a .ts file without one: register tsx here (resolved from this file, whatever the working
// directory), then load the TypeScript worker.
import { register } from "tsx/esm/api";

register();
await import("./render-worker.ts");
