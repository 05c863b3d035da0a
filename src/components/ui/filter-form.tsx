// Several filters of a table in one GET form (a log by actor, action and days): the values go
// into the address as the table's filters (table-state.ts), the sort is kept, the page starts
// again at 1. Works without script; 【清除筛选】 is a link to the bare page.
import type { TableState } from "./table-state";

export type FilterField = {
  name: string;
  label: string;
  placeholder?: string;
  type?: "text" | "date";
  /** A choice instead of a text box; the first option is usually "all" (value ""). */
  options?: readonly { value: string; label: string }[];
};

const inputClass = "w-full rounded-lg border border-slate-300 bg-white px-3 py-2.5";

export function FilterForm({
  path,
  state,
  fields,
  submit,
  clear,
}: {
  path: string;
  state: TableState;
  fields: readonly FilterField[];
  submit: string;
  clear: string;
}) {
  return (
    <form method="get" action={path} role="search" className="grid gap-3 sm:grid-cols-3 lg:grid-cols-5" data-testid="filter-form">
      {state.sort ? <input type="hidden" name="sort" value={state.sort} /> : null}
      {state.sort ? <input type="hidden" name="dir" value={state.dir} /> : null}
      {fields.map((field) => (
        <label key={field.name} className="block">
          <span className="mb-1 block text-sm text-slate-600">{field.label}</span>
          {field.options ? (
            <select name={field.name} defaultValue={state.filters[field.name] ?? ""} className={inputClass}>
              {field.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          ) : (
            <input
              name={field.name}
              type={field.type ?? "text"}
              defaultValue={state.filters[field.name] ?? ""}
              placeholder={field.placeholder}
              className={inputClass}
            />
          )}
        </label>
      ))}
      <div className="flex items-center gap-3 sm:col-span-3 lg:col-span-5">
        <button className="rounded-lg bg-[var(--brand)] px-5 py-2.5 text-white">{submit}</button>
        {Object.keys(state.filters).length > 0 ? (
          <a href={path} className="text-sm text-[var(--brand)] underline">
            {clear}
          </a>
        ) : null}
      </div>
    </form>
  );
}
