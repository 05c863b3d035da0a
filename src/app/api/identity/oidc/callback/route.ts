// The OIDC redirect URI: the school's provider sends the browser back here with the code, on the
// query (GET) or, with response_mode=form_post, as a form post from its own site (POST).
import { identityCallbackRoute, postedAnswerRoute } from "~/server/http/identity-callback-route";

export const dynamic = "force-dynamic";

export const GET = identityCallbackRoute("OIDC", "oidc");

export const POST = postedAnswerRoute("OIDC", "oidc");
