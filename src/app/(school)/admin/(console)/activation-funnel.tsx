// The activation funnel of the back-office home, for the whole school or one group (a department
// path's beginning, an identity kind, kept in the address); each step's name opens the list of
// its members in the directory, with the same filters.
import { FilterForm } from "~/components/ui/filter-form";
import { FunnelChart } from "~/components/ui/funnel-chart";
import type { TableState } from "~/components/ui/table-state";
import { kindName, type Locale } from "~/i18n/locale";
import type { Translate } from "~/i18n/messages";
import { serverApi } from "~/server/request";

export async function ActivationFunnel({ state, t, locale }: { state: TableState; t: Translate; locale: Locale }) {
  const api = await serverApi();
  const group = { department: state.filters.department ?? "", kind: state.filters.kind ?? "" };
  const [steps, kinds] = await Promise.all([
    api.admin.directory.funnel({ department: group.department, identityKindCode: group.kind }),
    api.admin.member.identityKinds(),
  ]);
  const listOf = (listState: string | null) =>
    `/admin/members?${new URLSearchParams({ ...(group.department ? { department: group.department } : {}), ...(group.kind ? { kind: group.kind } : {}), ...(listState ? { state: listState } : {}) }).toString()}`;
  return (
    <section className="space-y-3">
      <FilterForm
        path="/admin"
        state={state}
        fields={[
          { name: "department", label: t("console.funnel.department"), placeholder: t("console.funnel.departmentHint") },
          {
            name: "kind",
            label: t("console.funnel.kind"),
            options: [{ value: "", label: t("console.funnel.all") }, ...kinds.map((k) => ({ value: k.code, label: kindName(k, locale) }))],
          },
        ]}
        submit={t("console.funnel.filter")}
        clear={t("audit.clear")}
      />
      <FunnelChart
        title={t("console.funnel.title")}
        caption={t("console.funnel.caption")}
        steps={steps.map((s) => ({ key: s.key, label: t(`console.funnel.${s.key}`), value: s.value, href: listOf(s.listState) }))}
        testId="activation-funnel"
      />
    </section>
  );
}
