"use server";
import { revalidatePath } from "next/cache";
import { formFields, runAction, type ActionResult } from "~/server/actions";

const fieldsOf = (form: FormData) => {
  const f = formFields(form, ["tenantId", "domain"] as const);
  return { tenantId: f.tenantId ?? "", domain: f.domain ?? "" };
};

export async function addDomainAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async ({ api, t }) => {
    const input = fieldsOf(form);
    const added = await api.vendor.domains.add(input);
    revalidatePath(`/vendor/schools/${input.tenantId}/domains`);
    return t("vendor.domains.added", { domain: added.domain, target: added.target });
  });
}

export async function checkDomainAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async ({ api }) => {
    const input = fieldsOf(form);
    await api.vendor.domains.check(input);
    revalidatePath(`/vendor/schools/${input.tenantId}/domains`);
  });
}

export async function removeDomainAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async ({ api }) => {
    const input = fieldsOf(form);
    await api.vendor.domains.remove(input);
    revalidatePath(`/vendor/schools/${input.tenantId}/domains`);
  });
}
