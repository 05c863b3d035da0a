// The CAS simulator's state, handed to every route: the schools, the ticket registry, each
// school's faults and logs, and the simulator's clock (tests move it to expire tickets).
import type { School } from "./config";
import type { Faults } from "./faults";
import type { TicketRegistry } from "./tickets";
import type { FailureCode } from "./xml";

export type SloRecord = {
  at: number;
  /** The service URL as it was given to /login, query included: where the POST went (reference §1.9). */
  url: string;
  sessionIndex: string;
  /** The service's HTTP status, or why there was none ("timeout", "connection refused" …); null while in flight. */
  status: number | null;
  error: string | null;
};

export type ValidationRecord = {
  at: number;
  endpoint: string;
  service: string | null;
  ticket: string | null;
  renew: boolean;
  format: string;
  /** "success", or the failure code answered. */
  outcome: "success" | FailureCode;
  /** The fault that replaced the answer, if one did. */
  fault: string | null;
};

export type CasSim = {
  schools: Map<string, School>;
  registry: TicketRegistry;
  faults: Map<string, Faults>;
  slo: Map<string, SloRecord[]>;
  validations: Map<string, ValidationRecord[]>;
  clockOffsetMs: number;
  /** Writes the schools to the state file, when there is one. */
  save: () => void;
};

export const simNow = (sim: CasSim): number => Date.now() + sim.clockOffsetMs;

/** Keeps a log to its last `max` entries: a demo left running must not grow without end. */
export function appendCapped<T>(map: Map<string, T[]>, key: string, entry: T, max = 1000): T {
  const list = map.get(key) ?? [];
  list.push(entry);
  if (list.length > max) list.splice(0, list.length - max);
  map.set(key, list);
  return entry;
}
