// Today's verification-code budgets on the vendor console: the platform's when half or all of it
// is gone, and every school past half its own.
import type { z } from "zod";
import { Notice } from "~/components/ui/notice";
import type { Translate } from "~/i18n/messages";
import type { platformCodeBudgetOutput } from "~/server/codes/budgets";

export function VendorCodeBudgetNotice({ budget, t }: { budget: z.infer<typeof platformCodeBudgetOutput>; t: Translate }) {
  const { platform, schools } = budget;
  if (platform.level === "ok" && schools.length === 0) return null;
  return (
    <Notice tone={platform.level === "spent" ? "danger" : "warning"} testId="code-budget">
      {platform.level !== "ok" ? (
        <p>{t(platform.level === "spent" ? "vendor.codes.platformSpent" : "vendor.codes.platformWarning", platform)}</p>
      ) : null}
      <ul className="mt-1 list-disc pl-5">
        {schools.map((school) => (
          <li key={school.tenantId}>
            {t("vendor.codes.schoolBudget", { name: school.name, sent: school.sent, budget: school.budget })}
            {school.level === "spent" ? t("vendor.codes.schoolSpent") : ""}
          </li>
        ))}
      </ul>
    </Notice>
  );
}
