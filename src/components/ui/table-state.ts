// A data table's state lives in the page's address (?sort=name&dir=desc&page=2&q=王): a link or a
// GET form changes it, the server renders the result, and it works without script, survives a
// reload and can be sent to a colleague. These pure functions read the state and write the links.

export type SearchParams = Record<string, string | string[] | undefined>;
export type SortDirection = "asc" | "desc";

export type TableSpec = {
  /** Column keys one may sort by; anything else in the address is ignored. */
  sortable: readonly string[];
  defaultSort?: { key: string; dir: SortDirection };
  /** Filter names read from the address (a search box, a choice). */
  filters?: readonly string[];
  pageSize: number;
};

export type TableState = {
  sort: string | null;
  dir: SortDirection;
  page: number;
  filters: Readonly<Record<string, string>>;
};

const FILTER_MAX = 64;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function readTableState(params: SearchParams, spec: TableSpec): TableState {
  const asked = first(params.sort);
  const sort = asked !== undefined && spec.sortable.includes(asked) ? asked : (spec.defaultSort?.key ?? null);
  const dirAsked = first(params.dir);
  const dir: SortDirection =
    dirAsked === "asc" || dirAsked === "desc" ? dirAsked : sort === spec.defaultSort?.key ? (spec.defaultSort?.dir ?? "asc") : "asc";
  const page = Number.parseInt(first(params.page) ?? "", 10);
  const filters: Record<string, string> = {};
  for (const name of spec.filters ?? []) {
    const value = first(params[name])?.trim().slice(0, FILTER_MAX);
    if (value) filters[name] = value;
  }
  return { sort, dir, page: Number.isSafeInteger(page) && page > 1 ? page : 1, filters };
}

/** The address of the table in `state` changed by `change`; filters first, page 1 left out. */
export function tableHref(path: string, state: TableState, change: Partial<TableState> = {}): string {
  const next = { ...state, ...change };
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(next.filters)) if (value) query.set(name, value);
  if (next.sort) {
    query.set("sort", next.sort);
    query.set("dir", next.dir);
  }
  if (next.page > 1) query.set("page", String(next.page));
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** Sorting by `key`: ascending first, the other way when it is already the sort; back to page 1. */
export function sortHref(path: string, state: TableState, key: string): string {
  const dir: SortDirection = state.sort === key && state.dir === "asc" ? "desc" : "asc";
  return tableHref(path, state, { sort: key, dir, page: 1 });
}

export function pageHref(path: string, state: TableState, page: number): string {
  return tableHref(path, state, { page });
}

/** A filter set to `value` (null: removed); back to page 1, where the new result starts. */
export function filterHref(path: string, state: TableState, name: string, value: string | null): string {
  const filters = { ...state.filters };
  if (value) filters[name] = value;
  else delete filters[name];
  return tableHref(path, state, { filters, page: 1 });
}

export type SortValue = string | number | Date | boolean | null;

/**
 * Sorts and pages rows already loaded (a procedure's capped list). A page past the end shows the
 * last one. A table whose rows outgrow one load moves this into its procedure's input instead.
 */
export function applyTableState<Row>(
  rows: readonly Row[],
  state: TableState,
  options: { pageSize: number; sortValues: Readonly<Record<string, (row: Row) => SortValue>> },
): { rows: Row[]; total: number; page: number; pages: number } {
  const valueOf = state.sort ? options.sortValues[state.sort] : undefined;
  const sorted = valueOf ? [...rows].sort((a, b) => compare(valueOf(a), valueOf(b)) * (state.dir === "desc" ? -1 : 1)) : [...rows];
  const pages = Math.max(1, Math.ceil(sorted.length / options.pageSize));
  const page = Math.min(state.page, pages);
  return { rows: sorted.slice((page - 1) * options.pageSize, page * options.pageSize), total: sorted.length, page, pages };
}

const collator = new Intl.Collator("zh-CN", { numeric: true });

function compare(a: SortValue, b: SortValue): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === "string" && typeof b === "string") return collator.compare(a, b);
  return Number(a) - Number(b);
}
