// 【统一身份认证登录】: to the school's CAS or OIDC login page (src/server/identity/http/start.ts).
import { startLogin } from "~/server/identity/http/start";

export const dynamic = "force-dynamic";

export const GET = startLogin;
