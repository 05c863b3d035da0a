// Many rows in one statement, for a roster import's batches: Prisma's createMany of 500 members (or
// of their 500 WeCom job rows) spent most of an import's time building and binding thousands of
// parameters, a value per column per row; INSERT … SELECT FROM unnest binds one array per column.
// Only the tenant-bound client runs these (tenant-db.ts `$insertMembers`, `$insertWecomJobRows`),
// and it sets the school itself: a statement has no tenant of its own to name ($1 is the client's),
// and composite foreign keys (tenantId, identityKindId) refuse another school's rows. Prisma's
// client-side work does not happen here: a column the app fills itself (not a database default,
// generated column or trigger) must be filled here too.

type ColumnType = "uuid" | "text";
type Columns<Row> = readonly (readonly [keyof Row & string, ColumnType])[];

/** What an insert sets besides the row's columns: the school (always $1) and the columns Prisma would fill itself. */
type Filled = Record<string, string>;

function unnestInsert<Row>(table: string, columns: Columns<Row>, filled: Filled, defaults: Partial<Record<keyof Row, string>> = {}) {
  const q = (name: string) => `"${name}"`;
  const value = ([name]: Columns<Row>[number]) => (defaults[name] ? `COALESCE(r.${q(name)}, ${defaults[name]})` : `r.${q(name)}`);
  const sql = `INSERT INTO ${q(table)} (${[...Object.keys(filled), ...columns.map(([name]) => name)].map(q).join(", ")})
SELECT ${[...Object.values(filled), ...columns.map(value)].join(", ")}
FROM unnest(${columns.map(([, type], i) => `$${i + 2}::${type}[]`).join(", ")}) AS r(${columns.map(([name]) => q(name)).join(", ")})`;
  /** The parameters after the school: one array per column, null where a row leaves it unset. Values too long for their column fail as Prisma's would. */
  const params = (rows: readonly Row[]) => columns.map(([name]) => rows.map((row) => (row[name] as string | null | undefined) ?? null));
  return { sql, params };
}

/** A new member as an import writes it; what is not set here keeps the column's default. */
export type MemberInsert = {
  id: string;
  account: string;
  name: string;
  identityKindId: string;
  department?: string;
  phone?: string | null;
  phoneDisplay?: string | null;
  email?: string | null;
  idType?: string | null;
  idNumberEnc?: string | null;
  idNumberHash?: string | null;
};

export const insertMembers = unnestInsert<MemberInsert>(
  "Member",
  [
    ["id", "uuid"],
    ["account", "text"],
    ["name", "text"],
    ["identityKindId", "uuid"],
    ["department", "text"],
    ["phone", "text"],
    ["phoneDisplay", "text"],
    ["email", "text"],
    ["idType", "text"],
    ["idNumberEnc", "text"],
    ["idNumberHash", "text"],
  ],
  { tenantId: "$1::uuid", updatedAt: "now()" },
  { department: "''" },
);

/** A WeCom job's row (jobs/wecom-jobs.ts), queued. */
export type WecomJobRowInsert = { jobId: string; queue: string; kind: string; subject: string | null };

export const insertWecomJobRows = unnestInsert<WecomJobRowInsert>(
  "WecomJob",
  [
    ["jobId", "uuid"],
    ["queue", "text"],
    ["kind", "text"],
    ["subject", "text"],
  ],
  { tenantId: "$1::uuid", id: "gen_random_uuid()", updatedAt: "now()" },
);
