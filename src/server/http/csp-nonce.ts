// The script nonce of this request's CSP (src/proxy.ts puts the policy on the request, which is
// also how Next finds it for its own scripts). A page's own inline script must carry it.

export function nonceOf(policy: string | null | undefined): string | undefined {
  return /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy ?? "")?.[1];
}
