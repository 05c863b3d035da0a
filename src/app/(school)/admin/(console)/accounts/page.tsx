// The school's back-office accounts, for whoever may manage them (admins.manage): unlock, disable.
import { DataTable } from "~/components/ui/data-table";
import { PageHeader } from "~/components/ui/page-header";
import { readTableState } from "~/components/ui/table-state";
import { currentActor } from "~/server/page-guards";
import { requestLocale, serverApi } from "~/server/request";
import { InviteAdminForm } from "~/components/invite-admin-form";
import { Words } from "~/components/words";
import { inviteAdminAction } from "./actions";
import { accountColumns } from "./columns";

export default async function AdminAccountsPage() {
  const me = await currentActor("tenantAdmin");
  const { locale, t } = await requestLocale();
  const admins = await (await serverApi()).admin.accounts.list();
  return (
    <>
      <PageHeader title={t("console.nav.accounts")} description={t("console.accounts.lead")} />
      <DataTable
        path="/admin/accounts"
        columns={accountColumns(t, locale, me.id)}
        rows={admins}
        rowKey={(a) => a.id}
        rowTestId={(a) => `admin-${a.username}`}
        state={readTableState({}, { sortable: [], pageSize: admins.length })}
        paging={{ total: admins.length, page: 1, pages: 1 }}
        empty={t("admin.noResults")}
        t={t}
        testId="admin-table"
      />
      <div className="mt-6">
        <Words namespaces={["common", "invite"]}>
          <InviteAdminForm action={inviteAdminAction} />
        </Words>
      </div>
    </>
  );
}
