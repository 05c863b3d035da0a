// The kit's DataTable keeps its sorting, paging and filters in the address: links and a GET form,
// server-rendered, so it works without script. And the funnel chart's numbers are its text.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DataTable, type Column } from "~/components/ui/data-table";
import { FunnelChart, funnelShares } from "~/components/ui/funnel-chart";
import { applyTableState, filterHref, pageHref, readTableState, sortHref, type TableSpec } from "~/components/ui/table-state";
import { translator } from "~/i18n/messages";

type Row = { id: string; name: string; age: number };
const SPEC: TableSpec = { sortable: ["name", "age"], defaultSort: { key: "name", dir: "asc" }, filters: ["q", "status"], pageSize: 2 };
const ROWS: Row[] = [
  { id: "1", name: "丙", age: 30 },
  { id: "2", name: "甲", age: 20 },
  { id: "3", name: "乙", age: 40 },
];
const SORT = { name: (r: Row) => r.name, age: (r: Row) => r.age };
const t = translator("zh-CN");
const columns: Column<Row>[] = [
  { key: "name", header: "姓名", sortable: true, cell: (r) => r.name },
  { key: "age", header: "年龄", sortable: true, cell: (r) => r.age },
  { key: "id", header: "编号", cell: (r) => r.id },
];

describe("table state in the address", () => {
  it("reads sort, direction, page and filters, and ignores what the table does not offer", () => {
    expect(readTableState({ sort: "age", dir: "desc", page: "2", q: " 王 ", evil: "x" }, SPEC)).toEqual({
      sort: "age",
      dir: "desc",
      page: 2,
      filters: { q: "王" },
    });
    expect(readTableState({ sort: "password", page: "-3" }, SPEC)).toEqual({ sort: "name", dir: "asc", page: 1, filters: {} });
  });

  it("sorts ascending first, the other way on a second click, and goes back to page 1", () => {
    const state = readTableState({ sort: "name", dir: "asc", page: "3", q: "王" }, SPEC);
    expect(sortHref("/t", state, "name")).toBe("/t?q=%E7%8E%8B&sort=name&dir=desc");
    expect(sortHref("/t", state, "age")).toBe("/t?q=%E7%8E%8B&sort=age&dir=asc");
  });

  it("pages and filters keep the rest of the state; a new filter starts at page 1", () => {
    const state = readTableState({ sort: "age", dir: "desc", page: "2", q: "王" }, SPEC);
    expect(pageHref("/t", state, 3)).toBe("/t?q=%E7%8E%8B&sort=age&dir=desc&page=3");
    expect(filterHref("/t", state, "status", "OPEN")).toBe("/t?q=%E7%8E%8B&status=OPEN&sort=age&dir=desc");
    expect(filterHref("/t", state, "q", null)).toBe("/t?sort=age&dir=desc");
  });

  it("sorts and pages loaded rows; a page past the end shows the last", () => {
    const byAgeDesc = applyTableState(ROWS, readTableState({ sort: "age", dir: "desc" }, SPEC), { pageSize: 2, sortValues: SORT });
    expect(byAgeDesc).toMatchObject({ total: 3, page: 1, pages: 2 });
    expect(byAgeDesc.rows.map((r) => r.age)).toEqual([40, 30]);
    const late = applyTableState(ROWS, readTableState({ page: "9" }, SPEC), { pageSize: 2, sortValues: SORT });
    expect(late.page).toBe(2);
    expect(late.rows).toHaveLength(1);
  });
});

describe("DataTable", () => {
  const render = (query: Record<string, string>, rows = ROWS) => {
    const state = readTableState(query, SPEC);
    const { rows: shown, ...paging } = applyTableState(rows, state, { pageSize: 2, sortValues: SORT });
    return renderToStaticMarkup(
      createElement(DataTable<Row>, {
        path: "/t",
        columns,
        rows: shown,
        rowKey: (r) => r.id,
        state,
        paging,
        filters: [{ kind: "search", name: "q", label: "搜索成员", submit: "搜索" }],
        empty: "没有找到匹配的成员。",
        t,
      }),
    );
  };

  it("draws sort links in the headers and marks the column sorted by", () => {
    const html = render({ sort: "age", dir: "asc" });
    expect(html).toContain('aria-sort="ascending"');
    expect(html).toContain('href="/t?sort=age&amp;dir=desc"');
    expect(html).toContain('href="/t?sort=name&amp;dir=asc"');
    expect(html).not.toContain("sort=id");
  });

  it("pages with links that keep the sort, and says where one is", () => {
    const html = render({ sort: "age", dir: "desc" });
    expect(html).toContain('href="/t?sort=age&amp;dir=desc&amp;page=2"');
    expect(html).toContain("第 1 / 2 页，共 3 条");
    expect(html).not.toContain('rel="prev"');
  });

  it("filters with a GET form that carries the sort along", () => {
    const html = render({ sort: "age", dir: "desc", q: "王" });
    expect(html).toMatch(/<form[^>]*action="\/t" method="get"/);
    expect(html).toContain('<input type="hidden" name="sort" value="age"/>');
    expect(html).toContain('name="q" value="王"');
  });

  it("says so when nothing matches", () => {
    expect(render({ q: "无此人" }, [])).toContain("没有找到匹配的成员。");
  });
});

describe("FunnelChart", () => {
  const steps = [
    { key: "members", label: "名单内成员", value: 200 },
    { key: "withPhone", label: "已绑定手机号", value: 150 },
    { key: "activated", label: "已激活", value: 0 },
  ];

  it("gives each step's share of the first, and nothing to divide by an empty roster", () => {
    expect(funnelShares(steps)).toEqual([100, 75, 0]);
    expect(funnelShares([{ key: "a", label: "a", value: 0 }])).toEqual([0]);
  });

  it("says every step in words and numbers, the bars drawn in SVG hidden from screen readers", () => {
    const html = renderToStaticMarkup(createElement(FunnelChart, { title: "开通漏斗", caption: "从名单到激活", steps }));
    expect(html).toContain("<figcaption>");
    for (const text of ["名单内成员", "200", "已绑定手机号", "150", "75%"]) expect(html).toContain(text);
    expect(html.match(/<svg[^>]*aria-hidden="true"/g)).toHaveLength(3);
    expect(html).toContain('width="75"');
  });
});
