"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { serverApi } from "~/server/request";

export async function unlockMemberAction(form: FormData): Promise<void> {
  const { memberId } = z.object({ memberId: z.string().uuid() }).parse({ memberId: form.get("memberId") });
  await (await serverApi()).admin.directory.unlock({ memberId });
  revalidatePath("/admin");
}

export async function unlockAdminAction(form: FormData): Promise<void> {
  const { adminId } = z.object({ adminId: z.string().uuid() }).parse({ adminId: form.get("adminId") });
  await (await serverApi()).admin.accounts.unlock({ adminId });
  revalidatePath("/admin");
}

export async function setAdminDisabledAction(form: FormData): Promise<void> {
  const input = z
    .object({ adminId: z.string().uuid(), disabled: z.enum(["true", "false"]) })
    .parse({ adminId: form.get("adminId"), disabled: form.get("disabled") });
  await (await serverApi()).admin.accounts.setDisabled({ adminId: input.adminId, disabled: input.disabled === "true" });
  revalidatePath("/admin");
}
