// RP-Initiated Logout 1.0 §2: the browser goes to the provider's
// end_session_endpoint with the id_token as a hint (so the provider knows whose
// session to end and that we ask), our client id, and where to send the
// browser afterwards (the school's login page, registered with the provider).
import type { Discovery } from "./discovery";

export function endSessionUrl(
  discovery: Discovery,
  options: { idTokenHint: string | null; clientId: string; postLogoutRedirectUri: string },
): URL | null {
  if (!discovery.end_session_endpoint) return null;
  const url = new URL(discovery.end_session_endpoint);
  if (options.idTokenHint) url.searchParams.set("id_token_hint", options.idTokenHint);
  url.searchParams.set("client_id", options.clientId);
  url.searchParams.set("post_logout_redirect_uri", options.postLogoutRedirectUri);
  return url;
}
