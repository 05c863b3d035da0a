"use client";
// The 【测试连接】 button: a server action runs the diagnosis; the checklist it
// answers is drawn by a presentational component.
import { useActionState } from "react";
import { testWecomConnectionAction, type ConnectionTestResult } from "./actions";
import { DiagnosisChecklist, type CheckLabels } from "./diagnosis-checklist";

export function ConnectionTest({
  labels,
  checkLabels,
  testRefusal,
}: {
  labels: { test: string; working: string; diagnosis: string };
  checkLabels: CheckLabels;
  /** Why this admin may not test the connection; null when they may. */
  testRefusal: string | null;
}) {
  const [tested, test, testing] = useActionState<ConnectionTestResult | null>(testWecomConnectionAction, null);
  return (
    <div className="mt-3 space-y-3">
      <form action={test}>
        <button
          disabled={testing || testRefusal !== null}
          className="w-full rounded-lg border border-[var(--brand)] py-3 text-[var(--brand)] disabled:opacity-60"
        >
          {testing ? labels.working : labels.test}
        </button>
      </form>
      {testRefusal ? <p className="text-sm text-slate-500">{testRefusal}</p> : null}
      {tested ? (
        <p
          role={tested.ok ? "status" : "alert"}
          className={`rounded-lg px-3 py-2 text-sm ${tested.ok ? "bg-green-50 text-green-800" : "bg-red-50 text-red-700"}`}
        >
          {tested.message}
        </p>
      ) : null}
      {tested?.checks ? <DiagnosisChecklist checks={tested.checks} labels={checkLabels} heading={labels.diagnosis} /> : null}
    </div>
  );
}
