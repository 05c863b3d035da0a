// A member's page (/admin/members/[id]): the record, the state here and in WeCom, the history, and
// the FAQ fixes for those who may edit the directory (the same permission the procedures check).
import { notFound } from "next/navigation";
import { Notice } from "~/components/ui/notice";
import { PageHeader } from "~/components/ui/page-header";
import { Words } from "~/components/words";
import type { SearchParams } from "~/components/ui/table-state";
import { can } from "~/server/auth/permissions";
import { toAppError } from "~/server/errors";
import { currentActor } from "~/server/page-guards";
import { requestLocale, serverApi } from "~/server/request";
import { confirmationFor } from "./confirmation";
import { FIX_KEYS, FixesSection } from "./fixes";
import { BindingSection, CasesSection, JobsSection, TrailSection } from "./history";
import { RecordSection, StateSection } from "./record";

const DONE = [...FIX_KEYS, "clearContactsLocal"] as const;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

export default async function MemberPage(props: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const admin = await currentActor("tenantAdmin");
  const [{ id }, query] = await Promise.all([props.params, props.searchParams]);
  const { locale, t } = await requestLocale();
  const api = await serverApi();
  const record = await api.admin.member.record({ memberId: id }).catch((error: unknown) => {
    if (["NOT_FOUND", "INVALID_INPUT"].includes(toAppError(error).code)) notFound();
    throw error;
  });
  const mayFix = can(admin.role, "directory.edit");
  const fix = FIX_KEYS.find((f) => f === one(query.fix));
  const confirmation = mayFix && fix ? await confirmationFor(fix, one(query.phone).slice(0, 24), record, { api, t, locale }) : null;
  const done = DONE.find((d) => d === one(query.done));
  const m = record.member;
  return (
    <>
      <PageHeader
        title={`${m.name} · ${m.account}`}
        description={t("member.page.lead")}
        back={{ href: "/admin/members", label: t("member.page.back") }}
        actions={
          mayFix ? (
            <a
              href={`/admin/members/${m.id}/edit`}
              className="rounded-lg border border-slate-300 bg-white px-4 py-2"
              data-testid="edit-member"
            >
              {t("member.edit")}
            </a>
          ) : null
        }
      />
      {done ? (
        <Notice tone="info" testId="fix-done">
          {t(`member.done.${done}`)}
        </Notice>
      ) : null}
      <RecordSection record={record} t={t} locale={locale} />
      <StateSection record={record} t={t} locale={locale} />
      {mayFix ? (
        <Words namespaces={["member"]}>
          <FixesSection record={record} confirmation={confirmation} t={t} />
        </Words>
      ) : null}
      <BindingSection record={record} t={t} locale={locale} />
      <JobsSection record={record} t={t} locale={locale} />
      <CasesSection record={record} t={t} locale={locale} memberId={m.id} />
      <TrailSection record={record} t={t} locale={locale} />
    </>
  );
}
