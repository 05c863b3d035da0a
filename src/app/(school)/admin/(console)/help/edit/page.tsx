// A help page's editor: new (no id) or an existing page (?id=); the preview is rendered on the server.
import { PageHeader } from "~/components/ui/page-header";
import { Words } from "~/components/words";
import { requestLocale, serverApi } from "~/server/request";
import { HelpEditor } from "./help-editor";

export default async function AdminHelpEditPage({ searchParams }: { searchParams: Promise<{ id?: string }> }) {
  const { t } = await requestLocale();
  const id = (await searchParams).id;
  const page = id ? await (await serverApi()).admin.help.get({ id }) : null;
  return (
    <>
      <PageHeader title={page ? page.titleZh : t("help.adminNew")} description={t("help.adminLead")} />
      <Words namespaces={["common", "help"]}>
        <HelpEditor page={page ?? { id: "", slug: "", titleZh: "", titleEn: "", bodyZh: "", bodyEn: "" }} />
      </Words>
    </>
  );
}
