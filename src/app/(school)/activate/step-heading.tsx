import type { Translate } from "~/i18n/messages";
import type { ActivationStep } from "~/server/auth/account-activation";
import { STEP_NUMBER } from "./state";

/** 「第 n 步，共 4 步：…」 above each step's form. */
export function StepHeading({ step, t }: { step: ActivationStep; t: Translate }) {
  return (
    <p className="mb-3 text-sm font-medium text-[var(--brand)]" data-testid="activation-step">
      {t("activation.step", { n: STEP_NUMBER[step], name: t(`activation.step.${step}`) })}
    </p>
  );
}
