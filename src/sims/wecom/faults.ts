// Fault controls for tests of the product's WeCom client: added latency, HTTP 5xx (or errcode -1)
// on the next N calls or a share of calls, forced 45009, and dropped callbacks. They apply to the
// WeCom API (/cgi-bin/…) only, never to the control API or the phone page.
import { z } from "zod";

export const faultsInput = z.strictObject({
  latencyMs: z.number().int().min(0).max(60_000).optional(),
  /** API paths (e.g. "user/get") the latency and failures apply to; all when omitted or empty. */
  paths: z.array(z.string()).optional(),
  fail: z
    .strictObject({
      count: z.number().int().min(0).optional(),
      ratio: z.number().min(0).max(1).optional(),
      /** An HTTP status (5xx), or -1 for WeCom's own "system busy" answer with HTTP 200. */
      status: z.union([z.number().int().min(500).max(599), z.literal(-1)]).optional(),
    })
    .optional(),
  rateLimit: z.strictObject({ count: z.number().int().min(0).optional(), ratio: z.number().min(0).max(1).optional() }).optional(),
  dropCallbacks: z.number().int().min(0).optional(),
});
export type FaultsInput = z.infer<typeof faultsInput>;

export type Faults = {
  latencyMs: number;
  paths: string[];
  failCount: number;
  failRatio: number;
  failStatus: number;
  rateLimitCount: number;
  rateLimitRatio: number;
  dropCallbacks: number;
};

export const noFaults = (): Faults => ({
  latencyMs: 0,
  paths: [],
  failCount: 0,
  failRatio: 0,
  failStatus: 502,
  rateLimitCount: 0,
  rateLimitRatio: 0,
  dropCallbacks: 0,
});

/** Merges a control request into the current faults: fields left out keep their value. */
export function applyFaults(faults: Faults, input: FaultsInput): void {
  if (input.latencyMs !== undefined) faults.latencyMs = input.latencyMs;
  if (input.paths !== undefined) faults.paths = input.paths.map((p) => p.replace(/^\/?(cgi-bin\/)?/, ""));
  if (input.fail?.count !== undefined) faults.failCount = input.fail.count;
  if (input.fail?.ratio !== undefined) faults.failRatio = input.fail.ratio;
  if (input.fail?.status !== undefined) faults.failStatus = input.fail.status;
  if (input.rateLimit?.count !== undefined) faults.rateLimitCount = input.rateLimit.count;
  if (input.rateLimit?.ratio !== undefined) faults.rateLimitRatio = input.rateLimit.ratio;
  if (input.dropCallbacks !== undefined) faults.dropCallbacks = input.dropCallbacks;
}

export type FaultDecision = { latencyMs: number; fail: number | null; rateLimited: boolean };

/** Decides, once per API call, what the faults do to it; consumes the "next N" counters. */
export function decideFaults(faults: Faults, apiPath: string, random: () => number = Math.random): FaultDecision {
  const applies = faults.paths.length === 0 || faults.paths.includes(apiPath);
  if (!applies) return { latencyMs: 0, fail: null, rateLimited: false };
  let fail: number | null = null;
  if (faults.failCount > 0) {
    faults.failCount -= 1;
    fail = faults.failStatus;
  } else if (faults.failRatio > 0 && random() < faults.failRatio) fail = faults.failStatus;
  let rateLimited = false;
  if (fail === null && faults.rateLimitCount > 0) {
    faults.rateLimitCount -= 1;
    rateLimited = true;
  } else if (fail === null && faults.rateLimitRatio > 0 && random() < faults.rateLimitRatio) rateLimited = true;
  return { latencyMs: faults.latencyMs, fail, rateLimited };
}

/** True when this callback should be dropped (never sent), consuming one of the "drop next N". */
export function takeCallbackDrop(faults: Faults): boolean {
  if (faults.dropCallbacks <= 0) return false;
  faults.dropCallbacks -= 1;
  return true;
}
