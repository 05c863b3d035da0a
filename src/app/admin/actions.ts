"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { serverApi } from "~/server/request";

export async function unlockMemberAction(form: FormData): Promise<void> {
  const { memberId } = z.object({ memberId: z.string().uuid() }).parse({ memberId: form.get("memberId") });
  await (await serverApi()).admin.unlockMember({ memberId });
  revalidatePath("/admin");
}
