// The JavaScript each member page ships, measured on the production build (issue 9 §6: a phone
// inside WeChat, on a weak network). For each page of the member journey it adds up the files the
// page loads — the runtime every page of the app loads (.next/build-manifest.json rootMainFiles)
// and the page's own chunks (its entries in the page's client reference manifest: layouts, error
// boundaries, the page) — compressed as they travel (gzip, and brotli for comparison), and prints
// the figures. `npm test` runs it after the build.
//
// What it enforces: the runtime of Next 16 with React 19 (the App Router's client, React DOM and
// Turbopack's loader) is about 129 KB gzipped by itself, before any page adds a byte, so the issue's
// 100 KB for a whole page cannot be met by any page of this framework; the figure is printed against
// it for everyone to see. What a member page adds to that runtime is ours to keep small: at most
// PAGE_BUDGET_KB gzipped each (no client library on these pages: server components, a few small
// client forms), and the runtime itself may not grow past RUNTIME_BUDGET_KB (a provider or a client
// library in the root layout would land on every page).
//
//   npx tsx scripts/js-budget.ts [distDir]     exits 1 when a budget is exceeded
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { brotliCompressSync, gzipSync } from "node:zlib";

/** The issue's target for a whole page, printed beside each page's total. */
export const ISSUE_TARGET_KB = 100;
/** What a member page may add to the shared runtime, gzipped. */
export const PAGE_BUDGET_KB = 25;
/** The shared runtime, gzipped: today's Next 16 + React 19 with a little room for patch releases. */
export const RUNTIME_BUDGET_KB = 140;

/** The member journey's pages (app router entries), as the build names them. */
export const MEMBER_PAGES = [
  "/(school)/join/page",
  "/(school)/login/page",
  "/(school)/change-password/page",
  "/(school)/forgot-password/page",
  "/(school)/forgot-password/reset/page",
  "/(school)/(member)/bind-phone/page",
  "/(school)/(member)/follow/page",
  "/(school)/(member)/done/page",
  "/(school)/(member)/me/page",
  "/(school)/verify/result/page",
] as const;

const KB = 1000;

export type Sizes = { gzip: number; brotli: number };
export type PageFigure = { page: string; path: string; runtime: Sizes; own: Sizes; total: Sizes; files: number };

function compressedSize(file: string): Sizes {
  const bytes = readFileSync(file);
  return { gzip: gzipSync(bytes, { level: 6 }).length, brotli: brotliCompressSync(bytes).length };
}

function sum(dist: string, files: Iterable<string>): Sizes {
  let gzip = 0;
  let brotli = 0;
  for (const file of files) {
    const size = compressedSize(path.join(dist, file));
    gzip += size.gzip;
    brotli += size.brotli;
  }
  return { gzip, brotli };
}

type ClientManifest = { entryJSFiles?: Record<string, string[]> };

/** The page's own chunks: every entry of its client reference manifest (root layout, area layouts, error boundaries, the page). */
function pageChunks(dist: string, page: string): string[] {
  const file = path.join(dist, "server", "app", `${page}_client-reference-manifest.js`);
  if (!existsSync(file)) throw new Error(`No build of ${page} in ${dist} (looked for ${file}). Run next build first.`);
  // The manifest is a script that assigns globalThis.__RSC_MANIFEST[page].
  const holder = globalThis as { __RSC_MANIFEST?: Record<string, ClientManifest> };
  holder.__RSC_MANIFEST = {};
  createRequire(import.meta.url)(file);
  const manifest = holder.__RSC_MANIFEST[page];
  return [...new Set(Object.values(manifest?.entryJSFiles ?? {}).flat())];
}

export function measure(dist: string): { runtime: Sizes; pages: PageFigure[] } {
  const build = JSON.parse(readFileSync(path.join(dist, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const routes = JSON.parse(readFileSync(path.join(dist, "app-path-routes-manifest.json"), "utf8")) as Record<string, string>;
  const rootFiles = new Set(build.rootMainFiles);
  const runtime = sum(dist, rootFiles);
  const pages = MEMBER_PAGES.map((page) => {
    const own = pageChunks(dist, page).filter((file) => !rootFiles.has(file));
    const ownSize = sum(dist, own);
    return {
      page,
      path: routes[page] ?? page,
      runtime,
      own: ownSize,
      total: { gzip: runtime.gzip + ownSize.gzip, brotli: runtime.brotli + ownSize.brotli },
      files: rootFiles.size + own.length,
    };
  });
  return { runtime, pages };
}

const kb = (bytes: number) => (bytes / KB).toFixed(1).padStart(6);

function main(): void {
  const dist = path.resolve(process.argv[2] ?? process.env.NEXT_DIST_DIR ?? ".next");
  const { runtime, pages } = measure(dist);
  console.log(`JavaScript of the member pages (${path.relative(process.cwd(), dist) || "."}), in KB (1000 bytes) as sent:`);
  console.log(
    `  runtime every page loads (Next + React): ${kb(runtime.gzip)} gzip  ${kb(runtime.brotli)} brotli  (budget ${RUNTIME_BUDGET_KB})`,
  );
  console.log(`  ${"page".padEnd(18)} ${"own gzip".padStart(9)} ${"total gzip".padStart(11)} ${"total br".padStart(9)}  files`);
  const over: string[] = [];
  for (const figure of pages) {
    const flag = figure.own.gzip > PAGE_BUDGET_KB * KB ? "  ✖ over its budget" : "";
    console.log(
      `  ${figure.path.padEnd(18)} ${kb(figure.own.gzip).padStart(9)} ${kb(figure.total.gzip).padStart(11)} ${kb(figure.total.brotli).padStart(9)}  ${String(figure.files).padStart(5)}${flag}`,
    );
    if (flag) over.push(`${figure.path} adds ${kb(figure.own.gzip).trim()} KB gzipped (budget ${PAGE_BUDGET_KB} KB)`);
  }
  if (runtime.gzip > RUNTIME_BUDGET_KB * KB)
    over.push(`the shared runtime is ${kb(runtime.gzip).trim()} KB gzipped (budget ${RUNTIME_BUDGET_KB} KB)`);
  const worst = Math.max(...pages.map((p) => p.total.gzip));
  console.log(
    `  issue 9's target of ${ISSUE_TARGET_KB} KB per page: ${worst > ISSUE_TARGET_KB * KB ? "not met" : "met"} (largest total ${kb(worst).trim()} KB; the runtime alone is ${kb(runtime.gzip).trim()} KB)`,
  );
  if (over.length > 0) {
    for (const line of over) console.error(`✖ ${line}`);
    process.exit(1);
  }
  console.log(`✔ every member page adds at most ${PAGE_BUDGET_KB} KB to the runtime`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) main();
