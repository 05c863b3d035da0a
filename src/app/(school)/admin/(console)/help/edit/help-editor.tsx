"use client";
// The editor's form: address, titles and Markdown bodies in both languages; 【预览】 shows what members
// will see (rendered and made safe on the server, server/help/render-markdown.ts) without saving;
// 【保存】 saves and returns to the list. Words from the page's <Words namespaces={["common", "help"]}>.
import { useActionState, useEffect } from "react";
import { fieldErrors, FormField } from "~/components/ui/form-field";
import { useT } from "~/i18n/client";
import type { MessageKey } from "~/i18n/messages";
import { saveHelpPageAction, type HelpEditorResult } from "../actions";

type Page = { id: string; slug: string; titleZh: string; titleEn: string; bodyZh: string; bodyEn: string };

export function HelpEditor({ page: stored }: { page: Page }) {
  const t = useT();
  const [state, act, working] = useActionState<HelpEditorResult | null, FormData>(saveHelpPageAction, null);
  // After a preview or a refusal the form shows what was typed, not the stored page.
  const page = { ...stored, ...state?.values };
  useEffect(() => {
    if (state?.next) window.location.assign(state.next);
  }, [state]);
  const body = (name: "bodyZh" | "bodyEn", label: MessageKey) => {
    const errors = fieldErrors(state, name);
    return (
      <label className="block">
        <span className="mb-1 block text-sm text-slate-600">{t(label)}</span>
        <textarea
          name={name}
          defaultValue={page[name]}
          rows={12}
          maxLength={20000}
          className="w-full rounded-lg border border-slate-300 px-3 py-2.5 font-mono text-sm"
        />
        {errors.map((e) => (
          <span key={e} role="alert" className="block text-sm text-red-700">
            {e}
          </span>
        ))}
      </label>
    );
  };
  return (
    <form action={act} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" data-testid="help-editor">
      <input type="hidden" name="id" value={page.id} />
      <FormField<Page> name="slug" label="help.adminSlug" hint="help.adminSlugHint" value={page.slug} state={state} required />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField<Page> name="titleZh" label="help.adminTitleZh" value={page.titleZh} state={state} required />
        <FormField<Page> name="titleEn" label="help.adminTitleEn" value={page.titleEn} state={state} />
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        {body("bodyZh", "help.adminBodyZh")}
        {body("bodyEn", "help.adminBodyEn")}
      </div>
      {state && !state.ok ? (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
          {state.message}
        </p>
      ) : null}
      <div className="flex gap-3">
        <button
          name="intent"
          value="preview"
          disabled={working}
          className="rounded-lg border border-slate-300 px-4 py-2.5"
          data-testid="help-preview"
        >
          {t("help.adminPreview")}
        </button>
        <button
          name="intent"
          value="save"
          disabled={working}
          className="rounded-lg bg-[var(--brand)] px-4 py-2.5 text-white"
          data-testid="help-save"
        >
          {working ? t("common.working") : t("help.adminSave")}
        </button>
      </div>
      {state?.preview ? (
        <section className="rounded-lg border border-dashed border-slate-300 p-4" data-testid="help-preview-pane">
          <p className="mb-3 text-sm text-slate-500">{t("help.adminPreviewLead")}</p>
          <div className="grid gap-6 lg:grid-cols-2">
            {/* Rendered by renderHelpMarkdown on the server: typed HTML is escaped, unsafe links dropped. */}
            <div className="help-body mx-auto w-full max-w-[375px]" lang="zh-CN" dangerouslySetInnerHTML={{ __html: state.preview.zh }} />
            {state.preview.en ? (
              <div className="help-body mx-auto w-full max-w-[375px]" lang="en" dangerouslySetInnerHTML={{ __html: state.preview.en }} />
            ) : null}
          </div>
        </section>
      ) : null}
    </form>
  );
}
