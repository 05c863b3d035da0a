// 【不是我，换个账号】: ends the session here and at the school's server (src/server/identity/http/switch-account.ts).
import { switchAccount } from "~/server/identity/http/switch-account";

export const dynamic = "force-dynamic";

export const POST = switchAccount;
