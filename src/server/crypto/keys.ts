import { serverEnv } from "~/env";
import { parseKey } from "./secrets";

let key: Buffer | undefined;

/** The platform's encryption key, from APP_ENCRYPTION_KEY. */
export function encryptionKey(): Buffer {
  key ??= parseKey(serverEnv().APP_ENCRYPTION_KEY);
  return key;
}
