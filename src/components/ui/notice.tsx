import type { ReactNode } from "react";

const TONES = {
  info: "border-sky-200 bg-sky-50 text-sky-900",
  warning: "border-amber-300 bg-amber-50 text-amber-900",
  danger: "border-red-200 bg-red-50 text-red-800",
} as const;

/**
 * A message about the page's state. Warnings and dangers are alerts (a screen reader reads them
 * on arrival); information is plain text, not a live region that would interrupt.
 */
export function Notice({
  tone,
  title,
  children,
  testId,
}: {
  tone: keyof typeof TONES;
  title?: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <div
      role={tone === "info" ? undefined : "alert"}
      className={`mb-4 rounded-lg border px-3 py-3 text-sm ${TONES[tone]}`}
      data-testid={testId}
      data-tone={tone}
    >
      {title ? <p className="font-semibold">{title}</p> : null}
      {children}
    </div>
  );
}
