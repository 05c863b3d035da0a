// 【添加成员】: the UCAS member form, empty; after 【保存并添加下一个】 it says who was saved.
import { Notice } from "~/components/ui/notice";
import { forbidden } from "next/navigation";
import { PageHeader } from "~/components/ui/page-header";
import { can } from "~/server/auth/permissions";
import { currentActor } from "~/server/page-guards";
import type { SearchParams } from "~/components/ui/table-state";
import { Words } from "~/components/words";
import { requestLocale, serverApi } from "~/server/request";
import { formChoices } from "../form-choices";
import { MemberForm } from "../member-form";

export default async function NewMemberPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  if (!can((await currentActor("tenantAdmin")).role, "directory.edit")) forbidden();
  const { locale, t } = await requestLocale();
  const saved = (await searchParams).saved;
  const kinds = await (await serverApi()).admin.member.identityKinds();
  return (
    <>
      <PageHeader title={t("member.form.addTitle")} back={{ href: "/admin/members", label: t("member.page.back") }} />
      {typeof saved === "string" && saved ? (
        <Notice tone="info" testId="member-saved">
          {t("member.form.saved", { account: saved.slice(0, 64) })}
        </Notice>
      ) : null}
      <Words namespaces={["member"]}>
        <MemberForm values={{ identityKindCode: kinds[0]?.code ?? "" }} choices={formChoices(kinds, t, locale)} />
      </Words>
    </>
  );
}
