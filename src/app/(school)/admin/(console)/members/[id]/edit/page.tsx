// 编辑成员: the UCAS member form with the member's record (the ID number only masked, kept unless retyped).
import { forbidden, notFound } from "next/navigation";
import { PageHeader } from "~/components/ui/page-header";
import { can } from "~/server/auth/permissions";
import { currentActor } from "~/server/page-guards";
import { Words } from "~/components/words";
import { toAppError } from "~/server/errors";
import { requestLocale, serverApi } from "~/server/request";
import { formChoices } from "../../form-choices";
import { MemberForm } from "../../member-form";

export default async function EditMemberPage({ params }: { params: Promise<{ id: string }> }) {
  if (!can((await currentActor("tenantAdmin")).role, "directory.edit")) forbidden();
  const { id } = await params;
  const { locale, t } = await requestLocale();
  const api = await serverApi();
  const [record, kinds] = await Promise.all([
    api.admin.member.record({ memberId: id }).catch((error: unknown) => {
      if (["NOT_FOUND", "INVALID_INPUT"].includes(toAppError(error).code)) notFound();
      throw error;
    }),
    api.admin.member.identityKinds(),
  ]);
  const m = record.member;
  const values = {
    name: m.name,
    identityKindCode: m.identityKindCode,
    department: m.department,
    phone: m.phoneDisplay ?? "",
    email: m.email ?? "",
    idType: m.idType ?? "",
    ...m.profile,
  };
  return (
    <>
      <PageHeader
        title={t("member.form.editTitle", { account: m.account })}
        back={{ href: `/admin/members/${m.id}`, label: t("common.back") }}
      />
      <Words namespaces={["member"]}>
        <MemberForm
          memberId={m.id}
          values={values}
          choices={formChoices(kinds, t, locale)}
          idNumberMasked={m.idNumberMasked}
          activated={m.wecom.state === "ACTIVATED"}
        />
      </Words>
    </>
  );
}
