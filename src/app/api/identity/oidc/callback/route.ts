// The OIDC redirect URI: the school's provider sends the browser back here with the code.
import { oidcCallback } from "~/server/identity/http/callbacks";

export const dynamic = "force-dynamic";

export const GET = oidcCallback;
