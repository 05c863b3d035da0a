import type { ReactNode } from "react";

/** One key number of a dashboard: what it counts, the number, and a word on it; a link where there is more to see. */
export function Stat({
  label,
  value,
  hint,
  href,
  tone = "plain",
  testId,
}: {
  label: string;
  value: number | string;
  hint?: ReactNode;
  href?: string;
  /** `attention`: a number someone should act on (locked accounts, open cases). */
  tone?: "plain" | "attention";
  testId?: string;
}) {
  const body = (
    <>
      <dt className="text-sm text-slate-500">{label}</dt>
      <dd
        className={`mt-1 text-2xl font-semibold tabular-nums ${tone === "attention" && value !== 0 ? "text-amber-700" : "text-slate-900"}`}
      >
        {value}
      </dd>
      {hint ? <dd className="mt-1 text-xs text-slate-500">{hint}</dd> : null}
    </>
  );
  const box = "block rounded-lg border border-slate-200 bg-white p-4";
  return (
    <div data-testid={testId}>
      {href ? (
        <a href={href} className={`${box} hover:border-[var(--brand)]`}>
          <dl>{body}</dl>
        </a>
      ) : (
        <dl className={box}>{body}</dl>
      )}
    </div>
  );
}

/** Stats side by side: two a row on a phone, up to four on a desktop. */
export function StatGrid({ children }: { children: ReactNode }) {
  return <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">{children}</div>;
}
