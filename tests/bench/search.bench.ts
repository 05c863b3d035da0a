// Benchmark part 3 (issue 17 §3, issue 20): the back office's directory search on a school of
// BENCH_MEMBERS members (default 1,000,000), through the product's own searchMembers (the count and
// the page, as /admin/members asks them): a 学号 prefix, part of a 姓名, a 手机号, a department
// with a name, and a surname alone. p50/p95/p99 per kind of query; the goal is p95 under 20 ms.
//   npm run bench:search            BENCH_MEMBERS=200000 npm run bench:search
import { searchMembers } from "../../src/server/members/directory-search";
import { fmt, openBench, percentile } from "./harness";

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘";
const GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚华玉萍红娥玲芬";

const pick = (chars: string, i: number): string => chars[i % chars.length]!;

async function main() {
  const bench = await openBench("search");
  try {
    const kind = await bench.prisma.identityKind.findFirstOrThrow({ where: { tenantId: bench.tenantId }, select: { id: true } });
    const started = Date.now();
    // The school, written by the database itself: generate_series is the quickest way to a million rows.
    await bench.prisma.$executeRawUnsafe(
      `INSERT INTO "Member" (id, "tenantId", account, name, "identityKindId", department, phone, "phoneDisplay", "updatedAt")
       SELECT gen_random_uuid(), $1::uuid, 'S' || lpad(i::text, 7, '0'),
              substr($3, 1 + i % length($3), 1) || substr($4, 1 + (i * 7) % length($4), 1) || substr($4, 1 + (i * 13) % length($4), 1),
              $2::uuid, '学院' || (i % 10) || '/专业' || (i % 30) || '/2026级' || (i % 300) || '班',
              '+8613' || lpad(i::text, 9, '0'), '13' || lpad(i::text, 9, '0'), now()
         FROM generate_series(1, $5::int) AS i`,
      bench.tenantId,
      kind.id,
      SURNAMES,
      GIVEN,
      MEMBERS,
    );
    await bench.prisma.$executeRawUnsafe(`ANALYZE "Member"`);
    console.log(`━━ bench: directory search on ${MEMBERS.toLocaleString("en")} members (made in ${fmt((Date.now() - started) / 1000)} s)`);

    const kinds: [string, (i: number) => Parameters<typeof searchMembers>[1]][] = [
      [
        "学号 prefix",
        (i) => ({
          query: `S${String((i * 7919) % MEMBERS)
            .padStart(7, "0")
            .slice(0, 6)}`,
        }),
      ],
      ["姓名 part", (i) => ({ query: pick(GIVEN, i) + pick(GIVEN, i * 3) })],
      ["手机号", (i) => ({ query: `13${String(1 + ((i * 104_729) % MEMBERS)).padStart(9, "0")}` })],
      ["院系 + 姓名", (i) => ({ query: pick(SURNAMES, i), department: `学院${i % 10}/专业${i % 30}` })],
      // One common surname alone (王, 李 …: about 29,000 members each here): the count stops at COUNT_CAP.
      ["姓 alone", (i) => ({ query: pick(SURNAMES, i) })],
    ];
    for (const [label, input] of kinds) {
      for (let i = 0; i < 20; i++) await searchMembers(bench.scope, input(i + 10_000));
      const times: number[] = [];
      let matched = 0;
      for (let i = 0; i < RUNS; i++) {
        const start = process.hrtime.bigint();
        const page = await searchMembers(bench.scope, input(i));
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
        matched += page.total;
      }
      const p95 = percentile(times, 95);
      console.log(
        `  ${label.padEnd(10)} p50 ${fmt(percentile(times, 50)).padStart(6)} ms  p95 ${fmt(p95).padStart(6)} ms  p99 ${fmt(percentile(times, 99)).padStart(6)} ms` +
          `  (avg ${Math.round(matched / RUNS).toLocaleString("en")} matches)  ${p95 < 20 ? "✔ under 20 ms" : "✖ over 20 ms"}`,
      );
    }
  } finally {
    await bench.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
