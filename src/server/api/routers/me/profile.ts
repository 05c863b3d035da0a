import { z } from "zod";
import { otherIdentities, otherIdentityOutput } from "~/server/bindings/switch-identity";
import { memberCaseOutput, myHelpdeskCases } from "~/server/helpdesk/cases";
import { memberProfile, memberRowOutput } from "~/server/members/member-directory";
import { createTRPCRouter, memberProcedure } from "../../trpc";

export const meProfileRouter = createTRPCRouter({
  /** The signed-in member's own directory entry. */
  get: memberProcedure
    .output(memberRowOutput.extend({ mustChangePassword: z.boolean(), signsInHere: z.boolean() }))
    .query(({ ctx }) => memberProfile(ctx.scope)),

  /** The member's other entries of this school with the same ID number (切换身份): none of another school, ever. */
  otherIdentities: memberProcedure.output(z.array(otherIdentityOutput)).query(({ ctx }) => otherIdentities(ctx.scope)),

  /** The cases the member sent to the helpdesk, with their state and the answer. */
  cases: memberProcedure.output(z.array(memberCaseOutput)).query(({ ctx }) => myHelpdeskCases(ctx.scope)),
});
