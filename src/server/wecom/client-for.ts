// The one way to a school's WeCom client: its connection as the settings are now (a job sees
// them as they are when it runs), in the school's scope. Requests use the platform's key and
// the default retries; jobs pass their tools (sync-deps.ts: the key, a retry policy tests shorten).
import { encryptionKey } from "~/server/crypto/keys";
import { unscopedClient, type TenantScope } from "~/server/scope";
import { WecomClient, type RetryPolicy } from "./client";
import { loadWecomConnection } from "./connection";

export async function wecomClientFor(
  scope: TenantScope,
  tools: { encryptionKey?: Buffer; retry?: RetryPolicy } = {},
): Promise<WecomClient> {
  const key = tools.encryptionKey ?? encryptionKey();
  const connection = await loadWecomConnection(unscopedClient(scope), scope.tenant.id, key);
  return new WecomClient(scope, connection, { encryptionKey: key, retry: tools.retry });
}
