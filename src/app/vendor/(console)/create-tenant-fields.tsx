"use client";
// The vendor's form that sets up a school; words from <Words namespaces={["common", "vendor"]}> (create-tenant-form.tsx).
import { IdentityProviderKind } from "~/generated/prisma/enums";
import type { z } from "zod";
import { FormField } from "~/components/ui/form-field";
import { useT } from "~/i18n/client";
import type { ActionResult } from "~/server/actions";
import type { createTenantInput } from "~/server/tenants/manage-tenants";
import { createTenantAction } from "./actions";
import { useKeptForm } from "~/components/ui/use-kept-form";

type Input = z.input<typeof createTenantInput>;

const IDP_KINDS = Object.values(IdentityProviderKind).map((kind) => ({ value: kind, label: `vendor.idp.${kind}` as const }));

export function CreateTenantFields({ platformDomain }: { platformDomain: string }) {
  const t = useT();
  const [state, action, pending] = useKeptForm<ActionResult>(createTenantAction);
  return (
    <form {...action} className="mt-3 grid gap-3 sm:grid-cols-2" data-testid="create-tenant">
      <FormField<Input>
        name="slug"
        label="vendor.slug"
        hint={{ key: "vendor.slugHint", vars: { domain: platformDomain } }}
        required
        state={state}
      />
      <FormField<Input> name="name" label="vendor.name" required state={state} />
      <FormField<Input> name="nameEn" label="vendor.nameEn" state={state} />
      <FormField<Input> name="idpKind" label="vendor.idpKind" value="BUILTIN" options={IDP_KINDS} state={state} />
      {state ? (
        <p
          role={state.ok ? "status" : "alert"}
          className={`rounded-lg px-3 py-2 text-sm sm:col-span-2 ${state.ok ? "bg-green-50 text-green-800" : "bg-red-50 text-red-700"}`}
        >
          {state.message}
        </p>
      ) : null}
      <button disabled={pending} className="rounded-lg bg-[var(--brand)] py-3 text-white disabled:opacity-60 sm:col-span-2">
        {pending ? t("common.working") : t("vendor.create")}
      </button>
    </form>
  );
}
