// 二次验证's 【是本人，完成验证】: the page's form posts here (src/server/journey/http/confirm-second-verification.ts).
import { confirmSecondVerification } from "~/server/journey/http/confirm-second-verification";

export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return confirmSecondVerification(request);
}
