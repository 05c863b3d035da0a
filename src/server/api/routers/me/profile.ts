import { z } from "zod";
import { memberProfile, memberRowOutput } from "~/server/members/member-directory";
import { createTRPCRouter, memberProcedure } from "../../trpc";

export const meProfileRouter = createTRPCRouter({
  /** The signed-in member's own directory entry. */
  get: memberProcedure
    .output(memberRowOutput.extend({ mustChangePassword: z.boolean(), signsInHere: z.boolean() }))
    .query(({ ctx }) => memberProfile(ctx.scope)),
});
