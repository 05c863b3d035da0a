// A server-rendered table whose sorting, paging and filters live in the address (table-state.ts):
// headers and pages are links, the search is a GET form, so it works without script. The page
// reads the state, loads and orders the rows (applyTableState), and passes the page of rows.
import type { ReactNode } from "react";
import type { Translate } from "~/i18n/messages";
import { filterHref, pageHref, sortHref, type TableState } from "./table-state";

export type Column<Row> = {
  key: string;
  header: string;
  cell: (row: Row) => ReactNode;
  /** Offered as a sort link; the page's sortValues must know the key. */
  sortable?: boolean;
  className?: string;
  cellTestId?: (row: Row) => string;
};

export type TableFilter =
  | { kind: "search"; name: string; label: string; placeholder?: string; submit: string }
  | { kind: "choice"; name: string; label: string; options: readonly { value: string; label: string }[] };

export type DataTableProps<Row> = {
  /** The page's path: links and the form lead back to it. */
  path: string;
  columns: readonly Column<Row>[];
  /** The rows of the page shown. */
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  rowTestId?: (row: Row) => string;
  state: TableState;
  paging: { total: number; page: number; pages: number };
  filters?: readonly TableFilter[];
  empty: string;
  t: Translate;
  testId?: string;
};

export function DataTable<Row>(props: DataTableProps<Row>) {
  const { path, columns, rows, state, t } = props;
  return (
    <div className="space-y-3">
      {props.filters?.length ? <TableFilters path={path} state={state} filters={props.filters} /> : null}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm" data-testid={props.testId}>
          <thead className="bg-slate-100 text-slate-600">
            <tr>
              {columns.map((column) => (
                <th
                  key={column.key}
                  scope="col"
                  className="px-3 py-2 font-medium whitespace-nowrap"
                  aria-sort={state.sort === column.key ? (state.dir === "asc" ? "ascending" : "descending") : undefined}
                >
                  {column.sortable ? <SortLink path={path} state={state} column={column} t={t} /> : column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {rows.map((row) => (
              <tr key={props.rowKey(row)} data-testid={props.rowTestId?.(row)} className="align-top">
                {columns.map((column) => (
                  <td key={column.key} className={`px-3 py-2 ${column.className ?? ""}`} data-testid={column.cellTestId?.(row)}>
                    {column.cell(row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 ? (
          <p className="px-3 py-6 text-center text-slate-500" data-testid="table-empty">
            {props.empty}
          </p>
        ) : null}
      </div>
      <Pager path={path} state={state} paging={props.paging} t={t} />
    </div>
  );
}

function SortLink<Row>({ path, state, column, t }: { path: string; state: TableState; column: Column<Row>; t: Translate }) {
  const active = state.sort === column.key;
  return (
    <a
      href={sortHref(path, state, column.key)}
      className="inline-flex items-center gap-1 hover:text-slate-900"
      title={t("console.table.sortBy", { column: column.header })}
    >
      {column.header}
      <span aria-hidden className={active ? "text-slate-900" : "text-slate-400"}>
        {active ? (state.dir === "asc" ? "▲" : "▼") : "↕"}
      </span>
    </a>
  );
}

function TableFilters({ path, state, filters }: { path: string; state: TableState; filters: readonly TableFilter[] }) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      {filters.map((filter) =>
        filter.kind === "choice" ? (
          <nav key={filter.name} aria-label={filter.label} className="flex flex-wrap gap-2">
            {filter.options.map((option) => (
              <a
                key={option.value}
                href={filterHref(path, state, filter.name, option.value)}
                // An option of value "" is "all": current while the filter is unset.
                aria-current={(state.filters[filter.name] ?? "") === option.value ? "true" : undefined}
                className="rounded-full border border-slate-300 px-4 py-2 text-sm aria-[current=true]:border-[var(--brand)] aria-[current=true]:bg-[var(--brand)] aria-[current=true]:text-white"
              >
                {option.label}
              </a>
            ))}
          </nav>
        ) : (
          <form key={filter.name} method="get" action={path} role="search" className="flex min-w-0 flex-1 gap-2">
            {Object.entries(state.filters)
              .filter(([name]) => name !== filter.name)
              .map(([name, value]) => (
                <input key={name} type="hidden" name={name} value={value} />
              ))}
            {state.sort ? <input type="hidden" name="sort" value={state.sort} /> : null}
            {state.sort ? <input type="hidden" name="dir" value={state.dir} /> : null}
            <input
              name={filter.name}
              defaultValue={state.filters[filter.name] ?? ""}
              aria-label={filter.label}
              placeholder={filter.placeholder}
              className="min-w-0 flex-1 rounded-lg border border-slate-300 bg-white px-3 py-2.5"
            />
            <button className="rounded-lg bg-[var(--brand)] px-5 text-white">{filter.submit}</button>
          </form>
        ),
      )}
    </div>
  );
}

function Pager({ path, state, paging, t }: { path: string; state: TableState; paging: DataTableProps<unknown>["paging"]; t: Translate }) {
  if (paging.pages <= 1) return null;
  const link = "rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm";
  return (
    <nav
      aria-label={t("console.table.pages")}
      className="flex items-center justify-between gap-3 text-sm text-slate-600"
      data-testid="table-pager"
    >
      {paging.page > 1 ? (
        <a href={pageHref(path, state, paging.page - 1)} className={link} rel="prev">
          {t("console.table.previous")}
        </a>
      ) : (
        <span />
      )}
      <span>{t("console.table.page", { page: paging.page, pages: paging.pages, total: paging.total })}</span>
      {paging.page < paging.pages ? (
        <a href={pageHref(path, state, paging.page + 1)} className={link} rel="next">
          {t("console.table.next")}
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
