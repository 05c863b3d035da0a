"use server";
import { revalidatePath } from "next/cache";
import { formFields, formText, runAction, type ActionResult } from "~/server/actions";
import { renderHelpMarkdown } from "~/server/help/render-markdown";

const PAGE_FIELDS = ["slug", "titleZh", "titleEn", "bodyZh", "bodyEn"] as const;

/** The editor's answer: a save's refusal, or the preview of what was typed (rendered as members will see it). */
export type HelpEditorResult = ActionResult & {
  preview?: { zh: string; en: string };
  /** What was typed: React resets a form after its action, and the editor must not lose a page's text. */
  values?: Partial<Record<(typeof PAGE_FIELDS)[number], string>>;
  /** Where the editor goes once saved (a server action's redirect() would leave the school's host). */
  next?: string;
};

/** 【预览】 renders the typed Markdown on the server, saving nothing; 【保存】 saves and returns to the list. */
export async function saveHelpPageAction(_previous: HelpEditorResult | null, form: FormData): Promise<HelpEditorResult> {
  const fields = formFields(form, PAGE_FIELDS);
  if (formText(form, "intent") === "preview") {
    return {
      ok: true,
      values: fields,
      preview: { zh: renderHelpMarkdown(fields.bodyZh ?? ""), en: renderHelpMarkdown(fields.bodyEn ?? "") },
    };
  }
  const id = formText(form, "id") || undefined;
  const result = await runAction(async ({ api }) => {
    await api.admin.help.save({
      id,
      slug: fields.slug ?? "",
      titleZh: fields.titleZh ?? "",
      titleEn: fields.titleEn ?? "",
      bodyZh: fields.bodyZh ?? "",
      bodyEn: fields.bodyEn ?? "",
    });
    revalidatePath("/admin/help");
  });
  if (!result.ok) return { ...result, values: fields };
  return { ok: true, values: fields, next: "/admin/help?saved=1" };
}

export async function moveHelpPageAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async ({ api }) => {
    await api.admin.help.move({ id: formText(form, "id") ?? "", direction: formText(form, "direction") === "up" ? "up" : "down" });
    revalidatePath("/admin/help");
  });
}

export async function deleteHelpPageAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async ({ api }) => {
    await api.admin.help.delete({ id: formText(form, "id") ?? "" });
    revalidatePath("/admin/help");
  });
}

export async function saveContactsAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async ({ api, t }) => {
    const fields = formFields(form, ["phone", "email", "hoursZh", "hoursEn"] as const);
    await api.admin.help.updateContacts({
      phone: fields.phone ?? "",
      email: fields.email ?? "",
      hoursZh: fields.hoursZh ?? "",
      hoursEn: fields.hoursEn ?? "",
    });
    revalidatePath("/admin/help");
    return t("help.adminSaved");
  });
}
