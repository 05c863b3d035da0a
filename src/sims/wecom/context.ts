// What every domain function gets: the state, the limits and the event sink. Domain functions
// only describe what changed; callback-events.ts decides who hears about it.
import type { XmlField } from "./callback-crypto";
import { now } from "./clock";
import type { Limits, RateLimiter } from "./rate-limits";
import type { SimState } from "./state";

/** Who made a change: WeCom does not echo the contact-sync assistant's own API writes back to it (§7.3). "control" = the admin console. */
export type Origin = "contact-api" | "app-api" | "wechat" | "control";

export type SimEvent =
  | {
      kind: "change_contact";
      corpid: string;
      changeType: "create_user" | "update_user" | "delete_user" | "create_party" | "update_party" | "delete_party";
      fields: XmlField[];
      /** The fields a callback configured after 2022-08-15 still receives. Null = such a callback gets no event. */
      restrictedFields: XmlField[] | null;
      origin: Origin;
    }
  /** To every app whose visible range holds the member, or to `agentid` alone (its visible range changed). */
  | { kind: "subscribe" | "unsubscribe"; corpid: string; userid: string; agentid?: number };

export type Sim = {
  state: SimState;
  /** Origin of the simulator, e.g. http://127.0.0.1:3900: links it hands out point here. */
  baseUrl: string;
  limits: Limits;
  rate: RateLimiter;
  emit: (event: SimEvent) => void;
};

export const simNow = (sim: Sim): number => now(sim.state);
