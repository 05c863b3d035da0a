// Benchmark part 4 (issue 17 §2, issue 20): the roster import of BENCH_ROWS rows (default 100,000)
// from CSV and from .xlsx, each through the product's own preview and import (the code the back
// office's job runs: judged row by row, ID numbers sealed, members, departments and bindings written
// in one transaction), timed and with the process's peak memory, against the floor beside it:
// PostgreSQL's COPY of the same rows into a bare table, in the same run.
//   npm run bench:import            BENCH_ROWS=20000 npm run bench:import      BENCH_FORMATS=csv (one format)
import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import ExcelJS from "exceljs";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { previewRosterUpload } from "../../src/server/members/roster/preview-import";
import { runRosterImport } from "../../src/server/members/roster/run-import";
import { residentId } from "../fixtures/roster/build";
import { fmt, measured, openBench } from "./harness";

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const FORMATS = (["csv", "xlsx"] as const).filter((f) => (process.env.BENCH_FORMATS ?? "csv,xlsx").split(",").includes(f));
const HEADER = ["学号", "姓名", "身份类型", "院系/部门", "手机号", "证件类型", "证件号码"];
const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘";
const GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬";

/** Row i of the school's roster: unique 学号, phone and ID number; 300 classes under 10 colleges. */
function row(i: number, tag: string): string[] {
  const klass = i % 300;
  const department = `学院${klass % 10}/专业${klass % 30}/2026级${klass}班`;
  const name = SURNAMES[i % SURNAMES.length]! + GIVEN[(i * 7) % GIVEN.length]! + GIVEN[(i * 13) % GIVEN.length]!;
  const phone = `13${String(100_000_000 + i).slice(-9)}`;
  const birth = `${1990 + (i % 15)}${String(1 + (i % 12)).padStart(2, "0")}${String(1 + (i % 28)).padStart(2, "0")}`;
  const id = residentId(`110101${birth}${String(i % 1000).padStart(3, "0")}`);
  return [`${tag}${String(i).padStart(7, "0")}`, name, "在校师生", department, phone, "居民身份证", id];
}

/** The roster's rows one at a time: the bench holds the file, never its rows (they would swell the process it measures). */
function* rosterRows(tag: string): Generator<string[]> {
  for (let i = 0; i < ROWS; i++) yield row(i, tag);
}

function csvBytes(rows: Iterable<string[]>): Buffer {
  const chunks = [Buffer.from("\uFEFF" + HEADER.join(",") + "\r\n", "utf8")];
  for (const r of rows) chunks.push(Buffer.from(r.join(",") + "\r\n", "utf8"));
  return Buffer.concat(chunks);
}

async function xlsxBytes(rows: Iterable<string[]>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new (await import("node:stream")).Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: false });
  const sheet = book.addWorksheet("名单");
  sheet.addRow(HEADER).commit();
  for (const r of rows) sheet.addRow(r).commit();
  await book.commit();
  return Buffer.concat(chunks);
}

/** The floor: the same rows COPYed into a table of text columns. */
async function copyFloor(databaseUrl: string, csv: Buffer): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const table = `floor_${randomBytes(3).toString("hex")}`;
    await client.query(
      `CREATE TABLE ${table} (account text, name text, kind text, department text, phone text, id_type text, id_number text)`,
    );
    const start = process.hrtime.bigint();
    await pipeline(Readable.from([csv.subarray(3)]), client.query(copyFrom(`COPY ${table} FROM STDIN WITH (FORMAT csv, HEADER true)`)));
    return Number(process.hrtime.bigint() - start) / 1e9;
  } finally {
    await client.end();
  }
}

async function main() {
  console.log(`━━ bench: roster import of ${ROWS.toLocaleString("en")} rows`);
  for (const format of FORMATS) {
    const bench = await openBench(`import_${format}`);
    try {
      const tag = format === "csv" ? "C" : "X";
      const csv = csvBytes(rosterRows(tag));
      const bytes = format === "csv" ? csv : await xlsxBytes(rosterRows(tag));
      global.gc?.();
      const preview = await measured(() => previewRosterUpload(bench.scope, { fileName: `roster.${format}`, bytes }));
      // Queued as 【确认导入】 leaves it; the bench runs the job's work itself rather than through the queue.
      await bench.scope.db.importJob.update({ where: { id: preview.result.id }, data: { state: "QUEUED" } });
      const run = await measured(() => runRosterImport(bench.scope, { importJobId: preview.result.id }));
      const job = await bench.scope.db.importJob.findUniqueOrThrow({ where: { id: preview.result.id } });
      if (job.state !== "DONE" || job.created !== ROWS)
        throw new Error(`import ended ${job.state} with ${job.created} created of ${ROWS}: ${JSON.stringify(job.report).slice(0, 2000)}`);
      const floor = await copyFloor(bench.databaseUrl, csv);
      const total = preview.seconds + run.seconds;
      console.log(
        `  ${format.padEnd(4)} ${(bytes.length / 1e6).toFixed(1).padStart(5)} MB  preview ${fmt(preview.seconds).padStart(5)} s  import ${fmt(run.seconds).padStart(5)} s` +
          `  total ${fmt(total)} s (${Math.round(ROWS / total).toLocaleString("en")} rows/s)` +
          `  peak RSS ${Math.round(Math.max(preview.peakRssMb, run.peakRssMb))} MB (from ${Math.round(preview.startRssMb)} MB)` +
          `, heap ${Math.round(Math.max(preview.peakHeapMb, run.peakHeapMb))} MB` +
          `  | floor COPY ${fmt(floor, 2)} s  ratio ${fmt(total / floor)}×`,
      );
    } finally {
      await bench.close();
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
