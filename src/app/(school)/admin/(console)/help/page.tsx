// 帮助页面 in the back office: the school's pages in the order members see them, each with
// 【编辑】【上移】【下移】【删除】, a new page, and the school's contacts that every error page shows.
import { ActionForm } from "~/components/action-form";
import { PageHeader } from "~/components/ui/page-header";
import { Notice } from "~/components/ui/notice";
import { Words } from "~/components/words";
import { helpPageIn } from "~/server/help/help-pages";
import { requestLocale, serverApi } from "~/server/request";
import { PolicyForm, type PolicyField } from "../settings/policy-form";
import { deleteHelpPageAction, moveHelpPageAction, saveContactsAction } from "./actions";

const smallButton = "rounded border border-slate-300 px-2.5 py-1 text-sm disabled:opacity-40";

export default async function AdminHelpPage({ searchParams }: { searchParams: Promise<{ saved?: string }> }) {
  const { locale, t } = await requestLocale();
  const api = await serverApi();
  const [pages, contacts] = await Promise.all([api.admin.help.list(), api.admin.help.contacts()]);
  const saved = (await searchParams).saved === "1";
  const contactFields: PolicyField[] = [
    { name: "phone", label: "help.contactsAdminPhone", value: contacts.phone },
    { name: "email", label: "help.contactsAdminEmail", value: contacts.email },
    { name: "hoursZh", label: "help.contactsAdminHoursZh", value: contacts.hoursZh },
    { name: "hoursEn", label: "help.contactsAdminHoursEn", value: contacts.hoursEn },
  ];
  return (
    <>
      <PageHeader title={t("help.adminTitle")} description={t("help.adminLead")} />
      {saved ? (
        <Notice tone="info" testId="help-saved">
          {t("help.adminSaved")}
        </Notice>
      ) : null}
      <div className="mb-4 flex flex-wrap gap-3">
        <a href="/admin/help/edit" className="rounded-lg bg-[var(--brand)] px-4 py-2.5 text-white" data-testid="help-new">
          {t("help.adminNew")}
        </a>
        <a href="/help" className="rounded-lg border border-slate-300 px-4 py-2.5">
          {t("help.adminView")}
        </a>
      </div>
      {pages.length === 0 ? <p className="mb-4 text-slate-600">{t("help.adminNone")}</p> : null}
      <ol className="mb-6 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="help-admin-list">
        {pages.map((page, index) => {
          const title = helpPageIn(page, locale).title;
          return (
            <li key={page.id} className="flex flex-wrap items-center gap-2 px-4 py-3" data-testid={`help-row-${page.slug}`}>
              <span className="min-w-0 flex-1">
                <span className="font-medium">{title}</span>
                <span className="ml-2 text-sm text-slate-500">/help/{page.slug}</span>
              </span>
              <a href={`/admin/help/edit?id=${page.id}`} className={smallButton}>
                {t("help.adminEdit")}
              </a>
              <ActionForm action={moveHelpPageAction} className="inline">
                <input type="hidden" name="id" value={page.id} />
                <input type="hidden" name="direction" value="up" />
                <button className={smallButton} disabled={index === 0} aria-label={`${t("help.adminUp")} ${title}`}>
                  ↑
                </button>
              </ActionForm>
              <ActionForm action={moveHelpPageAction} className="inline">
                <input type="hidden" name="id" value={page.id} />
                <input type="hidden" name="direction" value="down" />
                <button className={smallButton} disabled={index === pages.length - 1} aria-label={`${t("help.adminDown")} ${title}`}>
                  ↓
                </button>
              </ActionForm>
              {/* Deleting asks once more, without a script: the confirmation opens under the button. */}
              <details className="w-full sm:w-auto">
                <summary className={`${smallButton} cursor-pointer list-none text-red-700`}>{t("help.adminDelete")}</summary>
                <ActionForm action={deleteHelpPageAction} className="mt-2 flex flex-col gap-2">
                  <input type="hidden" name="id" value={page.id} />
                  <span className="text-sm">{t("help.adminDeleteConfirm", { title })}</span>
                  <button className="rounded bg-red-600 px-3 py-1.5 text-sm text-white">{t("help.adminDelete")}</button>
                </ActionForm>
              </details>
            </li>
          );
        })}
      </ol>
      <Words namespaces={["common", "settings", "help"]}>
        <PolicyForm title="help.contactsAdminTitle" fields={contactFields} action={saveContactsAction} testId="help-contacts-form" />
      </Words>
    </>
  );
}
