"use server";
// The UCAS member form's 【保存】 and 【保存并添加下一个】: the procedure's schema validates every field
// (a failure comes back with each field's errors); an ID number left empty on an edit stays as it is.
// The answer names the page to go on to, which the form opens itself (see [id]/actions.ts).
import { revalidatePath } from "next/cache";
import { formFields, runAction, type ActionResult } from "~/server/actions";
import { PROFILE_KEYS } from "~/server/members/member-profile";

const FIELDS = [
  "memberId",
  "account",
  "name",
  "identityKindCode",
  "department",
  "phone",
  "email",
  "idType",
  "idNumber",
  ...PROFILE_KEYS,
] as const;

export type MemberFormState = ActionResult & { next?: string };

export async function saveMemberAction(_previous: MemberFormState | null, form: FormData): Promise<MemberFormState> {
  const { memberId, account, idNumber, ...fields } = formFields(form, FIELDS);
  const another = form.get("then") === "next";
  let next: string | undefined;
  const result = await runAction(async ({ api, t }) => {
    const rest = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v ?? ""])) as Record<(typeof FIELDS)[number], string>;
    const saved = memberId
      ? await api.admin.directory.update({
          ...rest,
          memberId,
          idNumber: idNumber || undefined,
          confirmWecomRejoin: form.get("confirmWecomRejoin") === "on",
        })
      : await api.admin.directory.create({ ...rest, account: account ?? "", idNumber: idNumber ?? "" });
    revalidatePath("/admin/members", "layout");
    next = another ? `/admin/members/new?saved=${encodeURIComponent(saved.account)}` : `/admin/members/${saved.id}`;
    return t("member.form.saved", { account: saved.account });
  });
  return { ...result, next };
}
