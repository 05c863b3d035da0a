// Single logout for a school whose CAS posts logout requests to a URL of their own (Apereo's logoutUrl).
import { singleLogoutRoute } from "~/server/http/single-logout-route";

export const dynamic = "force-dynamic";

export const POST = singleLogoutRoute;
