import { z } from "zod";
import { memberProfile } from "~/server/members/member-directory";
import { createTRPCRouter, memberProcedure } from "../trpc";
import { memberRowOutput } from "./outputs";

export const memberRouter = createTRPCRouter({
  /** The signed-in member's own directory entry. */
  me: memberProcedure
    .output(memberRowOutput.extend({ mustChangePassword: z.boolean() }))
    .query(({ ctx }) => memberProfile(ctx.db, ctx.member.id)),
});
