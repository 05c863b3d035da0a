// The security headers of every answer (security review M10). Pages open
// top-level, in browsers and in WeChat's in-app browser alike, so no page is
// ever framed: frame-ancestors 'none' everywhere. Scripts run only with the
// per-request nonce (Next puts it on its own scripts when the request carries
// this policy) or when loaded by such a script ('strict-dynamic'). Styles
// allow inline style attributes (a school's colours are set that way); a
// nonce there would switch 'unsafe-inline' off, so styles get none.

/** A fresh, unguessable nonce for one response. */
export function makeNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString("base64");
}

export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The headers every response carries; HSTS only when the site is served over https (secure cookies). */
export function securityHeaders(options: { nonce: string; secure: boolean }): Record<string, string> {
  return {
    "content-security-policy": contentSecurityPolicy(options.nonce),
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "x-frame-options": "DENY",
    ...(options.secure ? { "strict-transport-security": "max-age=31536000; includeSubDomains" } : {}),
  };
}
