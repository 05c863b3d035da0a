// Today's verification-code budgets on the back-office home: the platform's when it is spent (no
// school's members can get codes), else the school's when half or all of it is gone.
import type { z } from "zod";
import { Notice } from "~/components/ui/notice";
import type { Translate } from "~/i18n/messages";
import type { budgetUsageOutput } from "~/server/codes/budgets";

type Usage = z.infer<typeof budgetUsageOutput>;

export function CodeBudgetNotice({ school, platform, t }: { school: Usage; platform: Usage; t: Translate }) {
  if (platform.level === "spent") {
    return (
      <Notice tone="danger" testId="code-budget">
        {t("admin.codes.platformBudgetSpent")}
      </Notice>
    );
  }
  if (school.level === "ok") return null;
  return (
    <Notice tone={school.level === "spent" ? "danger" : "warning"} testId="code-budget">
      {t(school.level === "spent" ? "admin.codes.budgetSpent" : "admin.codes.budgetWarning", school)}
    </Notice>
  );
}
