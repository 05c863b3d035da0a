// Each row problem of a roster, judged without a database: what the report says and that the row
// is refused (never silently "fixed"), and what is normalised and said.
import { describe, expect, it } from "vitest";
import type { ColumnMapping } from "~/server/members/roster/fields";
import { FileFacts } from "~/server/members/roster/file-facts";
import { checkResidentId } from "~/server/members/id-number";
import { judgeRow, type ExistingMember, type RowSurroundings } from "~/server/members/roster/judge-row";
import { parseRow, type ParsedRow } from "~/server/members/roster/parse-row";
import type { RawRow } from "~/server/members/roster/read-rows";
import { residentId } from "../fixtures/roster/build";

const MAPPING: ColumnMapping = ["account", "name", "identityKind", "department", "phone", "email", "idType", "idNumber"];
const kinds = { find: (v: string) => ({ 在校师生: "kind-1", student_staff: "kind-1", 考生: "kind-2" })[v], names: "在校师生、考生" };
const ctx = { kinds, phone: { allowForeign: false, allowedCountryCodes: [] as string[] } };
const ID = residentId("11010119900307701");

type Cell = string | { n: string };
let nextRow = 2;
const raw = (cells: Cell[], rowNumber = nextRow++): RawRow => ({
  rowNumber,
  cells: cells.map((c) => (typeof c === "string" ? { text: c, storedAsNumber: false } : { text: c.n, storedAsNumber: true })),
});
const row = (over: Partial<Record<(typeof MAPPING)[number], Cell>> = {}, rowNumber?: number) =>
  raw(
    MAPPING.map(
      (field) => over[field] ?? ({ account: "2024001", name: "张三", identityKind: "在校师生" } as Record<string, string>)[field] ?? "",
    ),
    rowNumber,
  );
const parse = (r: RawRow) => parseRow(r, MAPPING, ctx);

function judge(rows: RawRow[], surroundings: Partial<RowSurroundings> = {}) {
  const parsed = rows.map(parse);
  const facts = new FileFacts();
  parsed.forEach((p) => facts.add(p));
  return parsed.map((p: ParsedRow) =>
    judgeRow(p, {
      file: facts,
      existing: undefined,
      phoneHolder: undefined,
      emailHolder: undefined,
      defaultKindId: undefined,
      idNumberHash: (n) => `h:${n}`,
      ...surroundings,
    }),
  );
}
const codes = (verdict: { problems: { code: string }[] }) => verdict.problems.map((p) => p.code);

describe("GB 11643 check digit", () => {
  it("accepts a valid number and one ending in X, refuses a wrong check character and a wrong length", () => {
    expect(checkResidentId(ID)).toBe("ok");
    expect(checkResidentId("11010519491231002X")).toBe("ok");
    expect(checkResidentId(ID.slice(0, 17) + (ID[17] === "1" ? "2" : "1"))).toBe("checkDigit");
    expect(checkResidentId("110101900307701")).toBe("format");
  });
});

describe("a clean row", () => {
  it("is a new member with its values in the directory's form", () => {
    const [v] = judge([
      row({ phone: "138 0013 8000", email: "zs@example.edu.cn", department: "计算机学院 / 软件工程 / 2024级1班", idNumber: ID }),
    ]);
    expect(v).toMatchObject({ outcome: "create", problems: [], normalised: [] });
    expect(v!.values).toEqual({
      name: "张三",
      identityKindId: "kind-1",
      department: "计算机学院/软件工程/2024级1班",
      phone: "+8613800138000",
      phoneDisplay: "13800138000",
      email: "zs@example.edu.cn",
      idType: "居民身份证",
      idNumber: ID,
    });
  });

  it("full-width digits and spaces are normalised (NFKC), imported, and said", () => {
    const [v] = judge([row({ account: "２０２４００１", phone: "１３８００１３８０００", name: "张　三" })]);
    expect(v).toMatchObject({ outcome: "create", account: "2024001", normalised: ["account", "name", "phone"] });
    expect(v!.values).toMatchObject({ name: "张 三", phone: "+8613800138000" });
  });
});

describe("rows refused, each with its reason", () => {
  it("a bad phone, under the school's phone policy", () => {
    expect(codes(judge([row({ phone: "1380013800" })])[0]!)).toEqual(["PHONE_INVALID"]);
    expect(codes(judge([row({ phone: "0085291234567" })])[0]!)).toEqual(["PHONE_FOREIGN_NOT_ALLOWED"]);
  });

  it("a bad e-mail address", () => {
    expect(judge([row({ email: "zs@@example" })])[0]!.problems).toEqual([
      { field: "email", code: "EMAIL_INVALID", vars: { value: "zs@@example" } },
    ]);
  });

  it("an account that appears twice in the file: both rows, each naming the other", () => {
    const [first, second] = judge([row({ phone: "" }, 2), row({ name: "张三丰" }, 5)]);
    expect(first!.problems).toEqual([{ field: "account", code: "ACCOUNT_DUPLICATE_IN_FILE", vars: { rows: "5" } }]);
    expect(second!.problems).toEqual([{ field: "account", code: "ACCOUNT_DUPLICATE_IN_FILE", vars: { rows: "2" } }]);
    // Case does not make another account (WeCom userids ignore case).
    expect(codes(judge([row({ account: "A2024" }), row({ account: "a2024" })])[1]!)).toEqual(["ACCOUNT_DUPLICATE_IN_FILE"]);
  });

  it("a phone an earlier row of another account has, or another member of the directory holds", () => {
    const [, later] = judge([row({ account: "2024001", phone: "13800138000" }, 2), row({ account: "2024002", phone: "13800138000" }, 3)]);
    expect(later!.problems).toEqual([{ field: "phone", code: "PHONE_HELD_IN_FILE", vars: { row: 2, account: "2024001" } }]);
    const [held] = judge([row({ phone: "13800138000" })], { phoneHolder: "2019888" });
    expect(held!.problems).toEqual([{ field: "phone", code: "PHONE_HELD_IN_DIRECTORY", vars: { account: "2019888" } }]);
    // The member's own phone is no conflict.
    expect(judge([row({ phone: "13800138000" })], { phoneHolder: "2024001" })[0]!.problems).toEqual([]);
  });

  it("an e-mail address another member holds", () => {
    expect(codes(judge([row({ email: "a@example.edu.cn" })], { emailHolder: "2019888" })[0]!)).toEqual(["EMAIL_HELD_IN_DIRECTORY"]);
  });

  it("an ID number whose check digit is wrong, and a resident ID of the wrong length", () => {
    const wrong = ID.slice(0, 17) + (ID[17] === "1" ? "2" : "1");
    expect(judge([row({ idNumber: wrong })])[0]!.problems).toEqual([{ field: "idNumber", code: "ID_CHECK_DIGIT" }]);
    expect(codes(judge([row({ idNumber: "11010119900307" })])[0]!)).toEqual(["ID_NUMBER_FORMAT"]);
    // A passport is not held to the resident ID's check.
    expect(judge([row({ idType: "护照", idNumber: "E12345678" })])[0]!.outcome).toBe("create");
  });

  it("an identity kind the school does not have, naming the ones it has", () => {
    expect(judge([row({ identityKind: "研究生" })])[0]!.problems).toEqual([
      { field: "identityKind", code: "KIND_UNKNOWN", vars: { value: "研究生", known: "在校师生、考生" } },
    ]);
    expect(judge([row({ identityKind: "student_staff" })])[0]!.values.identityKindId).toBe("kind-1");
  });

  it("Excel's scientific notation (1.10101E+17, 1.38001E+10) and an 18-digit ID number cut to 15 digits", () => {
    expect(judge([row({ idNumber: "1.10101E+17" })])[0]!.problems).toEqual([
      { field: "idNumber", code: "STORED_AS_NUMBER", vars: { value: "1.10101E+17" } },
    ]);
    expect(codes(judge([row({ phone: "1.38001E+10" })])[0]!)).toEqual(["STORED_AS_NUMBER"]);
    // In a CSV: 15 kept digits and 000, with a check digit that fails.
    expect(judge([row({ idNumber: "110101199003077000" })])[0]!.problems).toEqual([{ field: "idNumber", code: "STORED_AS_NUMBER" }]);
    // In an .xlsx: a number cell of 18 digits.
    expect(codes(judge([row({ idNumber: { n: "110101199003077000" } })])[0]!)).toEqual(["STORED_AS_NUMBER"]);
  });

  it("学号 that lost their leading zeros, when the file's others of that kind keep a fixed length", () => {
    const rows = ["0024001", "0024002", "0024003", "0024004", "1024001", "1024002"].map((account, i) => row({ account }, 2 + i));
    const verdicts = judge([...rows, row({ account: "24005" }, 8), row({ account: { n: "24006" } }, 9)]);
    expect(verdicts.slice(0, 6).every((v) => v.outcome === "create")).toBe(true);
    expect(verdicts[6]!.problems).toEqual([{ field: "account", code: "ACCOUNT_LEADING_ZEROS", vars: { length: 7, padded: "0024005" } }]);
    expect(codes(verdicts[7]!)).toEqual(["ACCOUNT_LEADING_ZEROS"]);
    // Staff numbers of another length under another kind are not 学号 that lost zeros.
    expect(judge([...rows, row({ account: "88001", identityKind: "考生" }, 10)])[6]!.problems).toEqual([]);
  });

  it("a missing account or name, and an account with characters WeCom refuses", () => {
    expect(codes(judge([row({ account: "", name: "" })])[0]!)).toEqual(["ACCOUNT_MISSING", "NAME_MISSING"]);
    expect(codes(judge([row({ account: "2024 001" })])[0]!)).toEqual(["ACCOUNT_FORMAT"]);
  });

  it("a new member without identity kind, when the school has more than one", () => {
    expect(codes(judge([row({ identityKind: "" })])[0]!)).toEqual(["KIND_MISSING"]);
    expect(judge([row({ identityKind: "" })], { defaultKindId: "kind-1" })[0]!.outcome).toBe("create");
  });
});

describe("a member already in the directory", () => {
  const member: ExistingMember = {
    id: "m-1",
    account: "2024001",
    name: "张三",
    identityKindId: "kind-1",
    department: "计算机学院",
    phone: "+8613800138000",
    phoneDisplay: "13800138000",
    email: null,
    idType: "居民身份证",
    idNumberHash: `h:${ID}`,
    wecomActivated: false,
  };

  it("is an update naming the fields that change, not an error", () => {
    const [v] = judge([row({ department: "软件学院", phone: "13800138000", idNumber: ID })], { existing: member, phoneHolder: "2024001" });
    expect(v).toMatchObject({ outcome: "update", changes: ["department"], problems: [], existingId: "m-1" });
  });

  it("is unchanged when every value is equal (empty cells keep what the directory holds)", () => {
    const [v] = judge([row({ department: "计算机学院", idNumber: ID })], { existing: member });
    expect(v).toMatchObject({ outcome: "unchanged", changes: [] });
    // A masked number from an export keeps the member's.
    expect(judge([row({ idNumber: "1101**********7011" })], { existing: member })[0]!.outcome).toBe("unchanged");
  });

  it("a phone change of a member activated in WeCom is refused: the member page asks for consent", () => {
    const [v] = judge([row({ phone: "13900139000" })], { existing: { ...member, wecomActivated: true } });
    expect(codes(v!)).toEqual(["PHONE_CHANGE_NEEDS_CONSENT"]);
  });
});
