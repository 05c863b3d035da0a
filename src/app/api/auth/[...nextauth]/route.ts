import NextAuth from "next-auth";
import { authOptions } from "~/server/auth/next-auth";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

async function handler(request: Request, context: RouteContext) {
  return (NextAuth(authOptions()) as (req: Request, ctx: RouteContext) => Promise<Response>)(request, context);
}

export { handler as GET, handler as POST };
