// The CAS service URL: GET with the school's ticket (the sign-in), POST with its single-logout request.
import { casCallback } from "~/server/identity/http/callbacks";
import { singleLogout } from "~/server/identity/http/single-logout";

export const dynamic = "force-dynamic";

export const GET = casCallback;
export const POST = singleLogout;
