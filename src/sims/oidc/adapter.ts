// oidc-provider's storage: an in-memory store for sessions, interactions, codes, tokens and
// grants (a restart signs everyone out, as with the library's own development adapter), and
// clients read from the simulator's configuration, so PUT /__sim/clients/:id takes effect at once.
import type { Adapter, AdapterFactory, AdapterPayload } from "oidc-provider";
import { clientMetadata, type OidcClient } from "./config";

type Entry = { payload: AdapterPayload; expiresAt: number };

/** One store per simulator (the library's development adapter shares one per process, capped at 1000 entries). */
class MemoryStore {
  readonly entries = new Map<string, Entry>();
  readonly index = new Map<string, string>();
  readonly grants = new Map<string, Set<string>>();

  get(key: string): AdapterPayload | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.payload;
  }

  sweep(): void {
    const now = Date.now();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }
}

class ModelAdapter implements Adapter {
  constructor(
    private readonly model: string,
    private readonly store: MemoryStore,
  ) {}

  private key(id: string): string {
    return `${this.model}:${id}`;
  }

  upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void> {
    const key = this.key(id);
    this.store.entries.set(key, { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : Infinity });
    if (this.model === "Session" && payload.uid) this.store.index.set(`sessionUid:${payload.uid}`, id);
    if (payload.userCode) this.store.index.set(`userCode:${payload.userCode}`, id);
    // Tokens of a grant die with it (revokeByGrantId: logout, a code used twice).
    if (payload.grantId) {
      const members = this.store.grants.get(payload.grantId) ?? new Set<string>();
      members.add(key);
      this.store.grants.set(payload.grantId, members);
    }
    return Promise.resolve();
  }

  find(id: string): Promise<AdapterPayload | undefined> {
    return Promise.resolve(this.store.get(this.key(id)));
  }

  findByUid(uid: string): Promise<AdapterPayload | undefined> {
    const id = this.store.index.get(`sessionUid:${uid}`);
    return this.find(id ?? "");
  }

  findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    const id = this.store.index.get(`userCode:${userCode}`);
    return this.find(id ?? "");
  }

  consume(id: string): Promise<void> {
    const payload = this.store.get(this.key(id));
    if (payload) payload.consumed = Math.floor(Date.now() / 1000);
    return Promise.resolve();
  }

  destroy(id: string): Promise<void> {
    this.store.entries.delete(this.key(id));
    return Promise.resolve();
  }

  revokeByGrantId(grantId: string): Promise<void> {
    for (const key of this.store.grants.get(grantId) ?? []) this.store.entries.delete(key);
    this.store.grants.delete(grantId);
    return Promise.resolve();
  }
}

/** Clients come from the configuration; oidc-provider validates and caches them by their metadata. */
class ClientAdapter implements Adapter {
  constructor(private readonly clients: () => Map<string, OidcClient>) {}

  find(id: string): Promise<AdapterPayload | undefined> {
    const client = this.clients().get(id);
    return Promise.resolve(client ? clientMetadata(client) : undefined);
  }

  // Clients are managed through the control API, never through the provider.
  upsert(): Promise<void> {
    return Promise.resolve();
  }
  findByUid(): Promise<undefined> {
    return Promise.resolve(undefined);
  }
  findByUserCode(): Promise<undefined> {
    return Promise.resolve(undefined);
  }
  consume(): Promise<void> {
    return Promise.resolve();
  }
  destroy(): Promise<void> {
    return Promise.resolve();
  }
  revokeByGrantId(): Promise<void> {
    return Promise.resolve();
  }
}

export function createAdapter(clients: () => Map<string, OidcClient>): { factory: AdapterFactory; sweep: () => void } {
  const store = new MemoryStore();
  const clientAdapter = new ClientAdapter(clients);
  return {
    factory: (model) => (model === "Client" ? clientAdapter : new ModelAdapter(model, store)),
    sweep: () => store.sweep(),
  };
}
