// The CAS service URL: GET with the school's ticket (the sign-in), POST with its single-logout request.
import { identityCallbackRoute } from "~/server/http/identity-callback-route";
import { singleLogoutRoute } from "~/server/http/single-logout-route";

export const dynamic = "force-dynamic";

export const GET = identityCallbackRoute("CAS", "cas");

export const POST = singleLogoutRoute;
