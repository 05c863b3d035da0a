// Types of src/server/http/forwarded-address.mjs (plain JavaScript so that scripts/server.mjs can load it).
export const CLIENT_ADDRESS_HEADER: "x-client-address";

export function normaliseAddress(raw: unknown): string | null;

export function addressFromHops(input: {
  socketAddress: string | undefined;
  forwardedFor: string | string[] | undefined;
  trustedHops: number;
}): string | null;

export function applyTrustedHeaders(
  headers: Record<string, string | string[] | undefined>,
  socket: { remoteAddress?: string | undefined; encrypted?: boolean },
  trustedHops: number,
): void;
