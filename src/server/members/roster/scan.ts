// The two passes over a roster file that the preview and the import share: the first gathers
// what the whole file says (file-facts.ts), the second judges the rows batch by batch against the
// directory (judge-row.ts). Each pass streams the file again; only the batch at hand (and, in the
// import, the next one being read) is held.
import { blindIndex } from "~/server/crypto/secrets";
import { encryptionKey } from "~/server/crypto/keys";
import type { TenantTx } from "~/server/db/tenant-db";
import type { TenantScope } from "~/server/scope";
import { phonePolicy } from "../phone-policy";
import type { ColumnMapping } from "./fields";
import { FileFacts } from "./file-facts";
import type { RosterFormat } from "./file-format";
import { lookUpBatch } from "./directory-lookup";
import { judgeRow, type Verdict } from "./judge-row";
import { openRoster } from "./open-roster";
import { parseRow, type KindLookup, type ParsedRow, type PhoneRules } from "./parse-row";

export type RosterFile = { bytes: Uint8Array; format: RosterFormat; mapping: ColumnMapping };

export type ScanContext = {
  kinds: KindLookup;
  phone: PhoneRules;
  /** The school's only identity kind, taken by new members of a file that names none. */
  defaultKindId: string | undefined;
  idNumberHash: (idNumber: string) => string;
};

/** The school's identity kinds (by code, Chinese or English name) and phone rules, read once per scan. */
export async function scanContext(scope: TenantScope): Promise<ScanContext> {
  const [kinds, phone] = await Promise.all([
    scope.db.identityKind.findMany({ select: { id: true, code: true, nameZh: true, nameEn: true }, orderBy: { sortOrder: "asc" } }),
    phonePolicy(scope),
  ]);
  const byName = new Map<string, string>();
  for (const kind of kinds)
    for (const name of [kind.code, kind.nameZh, kind.nameEn]) if (name) byName.set(name.normalize("NFKC").trim().toLowerCase(), kind.id);
  const key = encryptionKey();
  return {
    kinds: { find: (value) => byName.get(value.toLowerCase()), names: kinds.map((k) => k.nameZh).join("、") },
    phone,
    defaultKindId: kinds.length === 1 ? kinds[0]!.id : undefined,
    idNumberHash: (idNumber) => blindIndex(idNumber, key, scope.tenant.id),
  };
}

export type FirstPass = { facts: FileFacts; rows: number; headerRow: number; headers: string[] };

export async function gatherFileFacts(file: RosterFile, ctx: ScanContext): Promise<FirstPass> {
  const sheet = await openRoster(file.bytes, file.format);
  const facts = new FileFacts();
  let rows = 0;
  for await (const raw of sheet.rows) {
    rows++;
    facts.add(parseRow(raw, file.mapping, ctx, FileFacts.FIELDS));
  }
  return { facts, rows, headerRow: sheet.headerRow, headers: sheet.headers };
}

/** The second pass: the file's rows read and parsed, `batchSize` at a time. */
export async function* parsedBatches(file: RosterFile, ctx: ScanContext, batchSize: number): AsyncGenerator<ParsedRow[]> {
  const sheet = await openRoster(file.bytes, file.format);
  let batch: ParsedRow[] = [];
  for await (const raw of sheet.rows) {
    batch.push(parseRow(raw, file.mapping, ctx));
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** A batch of rows judged against the file and the directory as `db` (a transaction, in the import) sees it. */
export async function judgeBatch(db: TenantTx, rows: readonly ParsedRow[], ctx: ScanContext, facts: FileFacts): Promise<Verdict[]> {
  const directory = await lookUpBatch(db, rows);
  return rows.map((row) =>
    judgeRow(row, {
      file: facts,
      existing: row.account ? directory.member(row.account) : undefined,
      phoneHolder: directory.phoneHolder(row.values.phone),
      emailHolder: directory.emailHolder(row.values.email),
      defaultKindId: ctx.defaultKindId,
      idNumberHash: ctx.idNumberHash,
    }),
  );
}

/** Members read at a time when looking for the missing: a school of 100,000 is not read into memory whole. */
const MISSING_PAGE = 5000;

/** Members of the directory the file does not name: listed in the report (the first `limit`), never deleted here. */
export async function missingMembers(db: TenantTx, facts: FileFacts, limit: number) {
  const missing: { account: string; name: string }[] = [];
  let missingCount = 0;
  for (let after: string | undefined; ;) {
    const page = await db.member.findMany({
      where: after === undefined ? {} : { account: { gt: after } },
      select: { account: true, name: true },
      orderBy: { account: "asc" },
      take: MISSING_PAGE,
    });
    for (const member of page) {
      if (facts.hasAccount(member.account)) continue;
      missingCount++;
      if (missing.length < limit) missing.push(member);
    }
    if (page.length < MISSING_PAGE) return { missing, missingCount };
    after = page[page.length - 1]!.account;
  }
}
