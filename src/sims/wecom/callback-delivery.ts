// Sends callbacks to the product the way WeCom does (reference §7.1): an encrypted XML POST per
// event, which must be answered with HTTP 200 within 5 s; otherwise (timeout, connection error or
// any other status) it is sent again, 3 attempts in total. Each callback URL gets its events in
// order, one at a time. The log of every delivery is readable through the control API.
import { buildEncryptedCallback } from "./callback-crypto";
import { type Faults, takeCallbackDrop } from "./faults";
import type { CallbackConfig } from "./state";

export type DeliverySettings = { timeoutMs: number; attempts: number; retryDelayMs: number };
export const DEFAULT_DELIVERY: DeliverySettings = { timeoutMs: 5000, attempts: 3, retryDelayMs: 1000 };

export type Attempt = { at: number; status: number | null; error?: string; durationMs: number };

export type DeliveryRecord = {
  id: number;
  corpid: string;
  /** "contacts" for the contact-sync assistant's callback, else the app's agentid. */
  agent: number | "contacts";
  url: string;
  /** ChangeType for change_contact, else the Event name. */
  kind: string;
  /** The plaintext XML that was encrypted, for reading in tests and on the phone page. */
  message: string;
  outcome: "pending" | "delivered" | "failed" | "dropped";
  attempts: Attempt[];
  at: number;
};

export class CallbackDelivery {
  readonly log: DeliveryRecord[] = [];
  settings: DeliverySettings = { ...DEFAULT_DELIVERY };
  private nextId = 1;
  private readonly chains = new Map<string, Promise<void>>();
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly faults: Faults) {}

  enqueue(target: { corpid: string; agent: number | "contacts"; config: CallbackConfig }, kind: string, message: string): DeliveryRecord {
    const record: DeliveryRecord = {
      id: this.nextId++,
      corpid: target.corpid,
      agent: target.agent,
      url: target.config.url,
      kind,
      message,
      outcome: "pending",
      attempts: [],
      at: Date.now(),
    };
    this.log.push(record);
    // Bounded, so a long demo does not grow the process without end.
    if (this.log.length > 2000) this.log.splice(0, this.log.length - 2000);
    if (takeCallbackDrop(this.faults)) {
      record.outcome = "dropped";
      return record;
    }
    const previous = this.chains.get(record.url) ?? Promise.resolve();
    // send() records its own failures; the catch only keeps one broken URL from stopping its queue.
    const next = previous.then(() => this.send(record, target.config)).catch(() => {});
    this.chains.set(record.url, next);
    this.inFlight.add(next);
    void next.finally(() => this.inFlight.delete(next));
    return record;
  }

  /** Resolves when every queued callback has been delivered or has failed for good. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  clear(): void {
    this.log.length = 0;
  }

  private async send(record: DeliveryRecord, config: CallbackConfig): Promise<void> {
    const { timeoutMs, attempts, retryDelayMs } = this.settings;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      // Signed afresh per attempt: a retry is a new request with its own timestamp and nonce.
      const signed = buildEncryptedCallback({
        token: config.token,
        encodingAesKey: config.encodingAesKey,
        receiveId: record.corpid,
        agentId: record.agent === "contacts" ? "" : record.agent,
        message: record.message,
      });
      const url = new URL(config.url);
      for (const [k, v] of Object.entries(signed.query)) url.searchParams.set(k, v);
      const started = Date.now();
      try {
        const response = await fetch(url, {
          method: "POST",
          headers: { "content-type": "text/xml; charset=utf-8" },
          body: signed.body,
          signal: AbortSignal.timeout(timeoutMs),
        });
        await response.arrayBuffer();
        record.attempts.push({ at: started, status: response.status, durationMs: Date.now() - started });
        if (response.status === 200) {
          record.outcome = "delivered";
          return;
        }
      } catch (error) {
        const message =
          error instanceof Error ? (error.name === "TimeoutError" ? `no answer within ${timeoutMs} ms` : error.message) : String(error);
        record.attempts.push({ at: started, status: null, error: message, durationMs: Date.now() - started });
      }
      if (attempt < attempts && retryDelayMs > 0) await new Promise((r) => setTimeout(r, retryDelayMs));
    }
    record.outcome = "failed";
  }
}
