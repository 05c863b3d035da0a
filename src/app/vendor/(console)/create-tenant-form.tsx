// The vendor console's 【开通学校】 form: its client part with the words it needs.
import { Words } from "~/components/words";
import { serverEnv } from "~/env";
import { CreateTenantFields } from "./create-tenant-fields";

/** `labels` is ignored: the vendor console's page passed said words before words went by key, and may until it is rebuilt. */
export function CreateTenantForm(_legacy: { labels?: unknown }) {
  return (
    <Words namespaces={["common", "vendor"]}>
      <CreateTenantFields platformDomain={serverEnv().PLATFORM_DOMAIN} />
    </Words>
  );
}
