// How the provider sends its answer to the redirect URI (OAuth 2.0 Multiple Response Type Encoding
// Practices §2.1; OAuth 2.0 Form Post Response Mode §2): on the query — the default of the code
// flow, asked for by sending no response_mode — or as a form the browser posts ("form_post"),
// which keeps the code out of the address bar, the history and any Referer. A form post from
// the provider's site carries none of our SameSite=Lax cookies; http/callbacks.ts copes.
import type { Discovery } from "./discovery";

/** Whether discovery lists form_post (absent, the modes are query and fragment: OIDC Discovery §3). */
export const offersFormPost = (discovery: Discovery) => discovery.response_modes_supported?.includes("form_post") ?? false;
