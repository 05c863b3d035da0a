// A member's page in the back office: the record, and the FAQ fixes, each one domain function of
// src/server/members/fixes/ behind the permission that edits the directory.
import { clearContactsInput, clearPhoneAndEmail } from "~/server/members/fixes/clear-contacts";
import { fixOutcomeOutput } from "~/server/members/fixes/fix-member";
import { movePhoneHere, movePhoneInput, phoneHolder, phoneHolderInput, phoneHolderOutput } from "~/server/members/fixes/move-phone";
import { saveCorrectPhone, savePhoneInput } from "~/server/members/fixes/save-phone";
import { memberFixInput, resendInvitation, resyncToWecom } from "~/server/members/fixes/wecom-jobs";
import { memberIdInput } from "~/server/members/member-directory";
import { identityKindChoices, identityKindChoicesOutput, memberRecord, memberRecordOutput } from "~/server/members/member-record";
import { adminProcedure, createTRPCRouter } from "../../trpc";

/** A phone no test school holds, for probes that must reach the domain function. */
const PROBE_PHONE = "13700000000";

export const adminMemberPageRouter = createTRPCRouter({
  identityKinds: adminProcedure("directory.read")
    .output(identityKindChoicesOutput)
    .query(({ ctx }) => identityKindChoices(ctx.scope)),

  record: adminProcedure("directory.read")
    .meta({ probe: (other) => ({ memberId: other.memberId }) })
    .input(memberIdInput)
    .output(memberRecordOutput)
    .query(({ ctx, input }) => memberRecord(ctx.scope, input)),

  phoneHolder: adminProcedure("directory.read")
    .meta({ probe: (other) => ({ memberId: other.memberId, phone: other.memberPhone.slice(3) }) })
    .input(phoneHolderInput)
    .output(phoneHolderOutput)
    .query(({ ctx, input }) => phoneHolder(ctx.scope, input)),

  savePhone: adminProcedure("directory.edit")
    .meta({ probe: (other) => ({ memberId: other.memberId, phone: PROBE_PHONE }) })
    .input(savePhoneInput)
    .output(fixOutcomeOutput)
    .mutation(({ ctx, input }) => saveCorrectPhone(ctx.scope, input)),

  clearContacts: adminProcedure("directory.edit")
    .meta({ probe: (other) => ({ memberId: other.memberId }) })
    .input(clearContactsInput)
    .output(fixOutcomeOutput)
    .mutation(({ ctx, input }) => clearPhoneAndEmail(ctx.scope, input)),

  movePhone: adminProcedure("directory.edit")
    // B's own phone onto B's member: refused on B's data from A (not found), a conflict in B itself.
    .meta({ probe: (other) => ({ memberId: other.memberId, phone: other.memberPhone.slice(3), confirmWecomRejoin: true }) })
    .input(movePhoneInput)
    .output(fixOutcomeOutput)
    .mutation(({ ctx, input }) => movePhoneHere(ctx.scope, input)),

  resendInvite: adminProcedure("directory.edit")
    .meta({ probe: (other) => ({ memberId: other.memberId }) })
    .input(memberFixInput)
    .output(fixOutcomeOutput)
    .mutation(({ ctx, input }) => resendInvitation(ctx.scope, input)),

  resync: adminProcedure("directory.edit")
    .meta({ probe: (other) => ({ memberId: other.memberId }) })
    .input(memberFixInput)
    .output(fixOutcomeOutput)
    .mutation(({ ctx, input }) => resyncToWecom(ctx.scope, input)),
});
