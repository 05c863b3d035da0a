// The activation funnel: one row per step, the step's words and numbers as text (readable at
// 375 px, in print and by a screen reader: they are the chart's text alternative) above a bar
// drawn in SVG on the server, its length the step's share of the first step. No chart library:
// a funnel is bars, and this keeps it server-rendered, script-free and printable.

/** A step; `href`: the list of its members (the label becomes a link to it). */
export type FunnelStep = { key: string; label: string; value: number; href?: string };

/** Each step's share of the first, in whole percent (0 when the first is 0). */
export function funnelShares(steps: readonly FunnelStep[]): number[] {
  const first = steps[0]?.value ?? 0;
  return steps.map((step) => (first > 0 ? Math.round((step.value / first) * 100) : 0));
}

export function FunnelChart({
  title,
  caption,
  steps,
  testId,
}: {
  title: string;
  caption: string;
  steps: readonly FunnelStep[];
  testId?: string;
}) {
  const shares = funnelShares(steps);
  return (
    <figure className="break-inside-avoid rounded-lg border border-slate-200 bg-white p-4" data-testid={testId}>
      <figcaption>
        <h2 className="text-base font-semibold">{title}</h2>
        <p className="mt-1 text-sm text-slate-600">{caption}</p>
      </figcaption>
      <ol className="mt-4 space-y-3">
        {steps.map((step, i) => (
          <li key={step.key} data-testid={testId ? `${testId}-${step.key}` : undefined}>
            <div className="flex items-baseline justify-between gap-3 text-sm">
              {step.href ? (
                <a href={step.href} className="text-[var(--brand)] underline">
                  {step.label}
                </a>
              ) : (
                <span>{step.label}</span>
              )}
              <span className="tabular-nums">
                <span className="font-semibold">{step.value}</span>
                <span className="ml-2 text-slate-500">{shares[i]}%</span>
              </span>
            </div>
            <svg viewBox="0 0 100 8" preserveAspectRatio="none" className="mt-1 block h-3 w-full" aria-hidden focusable="false">
              <rect x="0" y="0" width="100" height="8" rx="1.5" className="fill-slate-100" />
              <rect
                x="0"
                y="0"
                width={Math.max(shares[i]!, step.value > 0 ? 1 : 0)}
                height="8"
                rx="1.5"
                className="fill-[var(--brand)]"
                fillOpacity={1 - i * 0.15}
              />
            </svg>
          </li>
        ))}
      </ol>
    </figure>
  );
}
