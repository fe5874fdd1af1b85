import type { CoreClient } from "../core.js";
import type { Clock } from "./clock.js";

/** What a hand-written workflow helper runs on: the client's core and the clock it polls by. */
export interface HelperHost {
  readonly core: CoreClient;
  readonly clock: Clock;
}
