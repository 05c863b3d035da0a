// npm run bench: each part in a process of its own (its memory figures are its own), one after the
// other (the machine's cores are the benchmark's), printing its figures as it goes. A part that
// fails is named and the run goes on; the exit code says whether any failed.
//   npm run bench -- import        only the parts named
//   BENCH_HEAP_MB=300 npm run bench:import   V8's old generation capped: what the work needs, not
//                                           the garbage V8 lets pile up while memory is plentiful
import { spawnSync } from "node:child_process";
import path from "node:path";

const PARTS = { search: "search.bench.ts", import: "import.bench.ts" } as const;

const asked = process.argv.slice(2).filter((a): a is keyof typeof PARTS => a in PARTS);
const failed: string[] = [];
for (const part of asked.length ? asked : (Object.keys(PARTS) as (keyof typeof PARTS)[])) {
  const heap = process.env.BENCH_HEAP_MB ? [`--max-old-space-size=${Number(process.env.BENCH_HEAP_MB)}`] : [];
  const run = spawnSync(process.execPath, [...heap, "--import", "tsx", "--expose-gc", path.join(import.meta.dirname, PARTS[part])], {
    stdio: "inherit",
  });
  if (run.status !== 0) failed.push(part);
}
console.log(
  `━━ machine: ${process.platform} ${process.arch}, ${(await import("node:os")).cpus().length} cores (${(await import("node:os")).cpus()[0]?.model ?? "?"}), node ${process.version}`,
);
if (failed.length) {
  console.error(`✖ failed: ${failed.join(", ")}`);
  process.exitCode = 1;
}
