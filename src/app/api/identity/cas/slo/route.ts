// Single logout for a school whose CAS posts logout requests to a URL of their own (Apereo's logoutUrl).
import { singleLogout } from "~/server/identity/http/single-logout";

export const dynamic = "force-dynamic";

export const POST = singleLogout;
