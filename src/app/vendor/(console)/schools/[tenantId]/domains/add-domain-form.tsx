"use client";
// 【添加域名】; words from the page's <Words namespaces={["common", "vendor"]}>.
import type { z } from "zod";
import { FormField } from "~/components/ui/form-field";
import { useT } from "~/i18n/client";
import type { ActionResult } from "~/server/actions";
import type { customDomainInput } from "~/server/tenants/custom-domains";
import { addDomainAction } from "./actions";
import { useKeptForm } from "~/components/ui/use-kept-form";

type Input = z.input<typeof customDomainInput>;

export function AddDomainForm({ tenantId }: { tenantId: string }) {
  const t = useT();
  const [state, action, pending] = useKeptForm<ActionResult>(addDomainAction);
  return (
    <form {...action} className="mt-3 grid gap-3 sm:grid-cols-[1fr_auto] sm:items-end" data-testid="add-domain">
      <input type="hidden" name="tenantId" value={tenantId} />
      <FormField<Input> name="domain" label="vendor.domains.domain" hint="vendor.domains.domainHint" required state={state} />
      <button disabled={pending} className="rounded-lg bg-[var(--brand)] px-4 py-3 text-white disabled:opacity-60">
        {pending ? t("common.working") : t("vendor.domains.add")}
      </button>
      {state?.message ? (
        <p
          role={state.ok ? "status" : "alert"}
          className={`rounded-lg px-3 py-2 text-sm [overflow-wrap:anywhere] sm:col-span-2 ${state.ok ? "bg-green-50 text-green-800" : "bg-red-50 text-red-700"}`}
        >
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
