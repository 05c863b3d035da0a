// The vendor console's 【开通学校】 form: its client part with the words it needs.
import { Words } from "~/components/words";
import { serverEnv } from "~/env";
import { CreateTenantFields } from "./create-tenant-fields";

export function CreateTenantForm() {
  return (
    <Words namespaces={["common", "vendor"]}>
      <CreateTenantFields platformDomain={serverEnv().PLATFORM_DOMAIN} />
    </Words>
  );
}
