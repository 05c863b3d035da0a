"use server";
// The member page's fixes as plain forms: each posts here, the procedure does the fix (with its
// permission and audit row), and the answer says what was done and the page to go on to. The form
// navigates there itself (a server action's redirect() would render the root domain's page on a
// school's host); without scripts the answer shows with a link to it.
import { formFields, runAction, type ActionResult } from "~/server/actions";

const FIXES = ["savePhone", "clearContacts", "movePhone", "unlock", "resendInvite", "resync"] as const;
type Fix = (typeof FIXES)[number];

/** A fix's answer; `next`: the member page showing the result. */
export type FixState = ActionResult & { next?: string };

export async function applyFixAction(_previous: FixState | null, form: FormData): Promise<FixState> {
  const fields = formFields(form, ["memberId", "fix", "phone", "confirmWecomRejoin"]);
  const memberId = fields.memberId ?? "";
  const fix = FIXES.find((f) => f === fields.fix);
  let next: string | undefined;
  const result = await runAction(async ({ api, t }) => {
    const confirmWecomRejoin = fields.confirmWecomRejoin === "on";
    const phone = fields.phone ?? "";
    const calls: Record<Fix, () => Promise<{ wecomJobQueued: boolean }>> = {
      savePhone: () => api.admin.member.savePhone({ memberId, phone, confirmWecomRejoin }),
      movePhone: () => api.admin.member.movePhone({ memberId, phone, confirmWecomRejoin }),
      clearContacts: () => api.admin.member.clearContacts({ memberId }),
      unlock: async () => ({ ...(await api.admin.directory.unlock({ memberId })), wecomJobQueued: false }),
      resendInvite: () => api.admin.member.resendInvite({ memberId }),
      resync: () => api.admin.member.resync({ memberId }),
    };
    if (!fix) throw new Error(`unknown fix ${fields.fix ?? ""}`);
    const outcome = await calls[fix]();
    const done = fix === "clearContacts" && !outcome.wecomJobQueued ? "clearContactsLocal" : fix;
    // No revalidation: the form goes on to a fresh page of its own (a re-render here would only redraw this one).
    next = `/admin/members/${encodeURIComponent(memberId)}?done=${done}`;
    return t(`member.done.${done}`);
  });
  return { ...result, next };
}
