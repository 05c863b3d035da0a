// Reading a roster file as schools send it: the type by its bytes, the text's encoding, the header
// row below a title, empty trailing rows, and .xlsx cells that Excel stored as numbers.
import { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { decodeRosterText, detectEncoding, TEXT_CHUNK_BYTES, textChunks } from "~/server/members/roster/decode-text";
import { mapHeaders } from "~/server/members/roster/fields";
import { sniffRosterFormat } from "~/server/members/roster/file-format";
import { openRoster } from "~/server/members/roster/open-roster";
import type { RawRow } from "~/server/members/roster/read-rows";
import { encodeGbk, gbkCsv, utf8Csv, xlsxFile } from "../fixtures/roster/build";

async function rowsOf(sheet: { rows: AsyncGenerator<RawRow> }) {
  const rows: RawRow[] = [];
  for await (const row of sheet.rows) rows.push(row);
  return rows;
}

describe("the file's type is judged by its bytes, not its name", () => {
  it("takes an .xlsx workbook and a CSV", async () => {
    expect(sniffRosterFormat(await xlsxFile([["学号"]]))).toEqual({ ok: true, format: "xlsx" });
    expect(sniffRosterFormat(utf8Csv([["学号", "姓名"]]))).toEqual({ ok: true, format: "csv" });
    expect(sniffRosterFormat(gbkCsv([["学号", "姓名"]]))).toEqual({ ok: true, format: "csv" });
  });

  it("refuses an old .xls, a PDF, a PNG renamed .csv, a ZIP that is no workbook, and an empty file", () => {
    expect(sniffRosterFormat(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toEqual({
      ok: false,
      reason: "XLS_BINARY",
    });
    expect(sniffRosterFormat(Buffer.from("%PDF-1.7\n"))).toEqual({ ok: false, reason: "NOT_A_ROSTER" });
    expect(sniffRosterFormat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).toEqual({ ok: false, reason: "NOT_A_ROSTER" });
    expect(sniffRosterFormat(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from("word/document.xml")]))).toEqual({
      ok: false,
      reason: "NOT_A_ROSTER",
    });
    expect(sniffRosterFormat(new Uint8Array([0x41, 0x00, 0x42]))).toEqual({ ok: false, reason: "NOT_A_ROSTER" });
    expect(sniffRosterFormat(new Uint8Array())).toEqual({ ok: false, reason: "EMPTY" });
  });
});

describe("a CSV's encoding", () => {
  it("reads UTF-8 with a BOM (「CSV UTF-8」) and without one", () => {
    expect(decodeRosterText(utf8Csv([["学号", "姓名"]]))).toEqual({ text: "学号,姓名\r\n", encoding: "utf-8" });
    expect(decodeRosterText(utf8Csv([["学号", "姓名"]], false))).toEqual({ text: "学号,姓名\r\n", encoding: "utf-8" });
  });

  it("reads GBK as Chinese Excel saves 「CSV（逗号分隔）」", () => {
    const bytes = gbkCsv([
      ["学号", "姓名", "院系/部门"],
      ["2024001", "张三", "计算机学院/软件工程/2024级1班"],
    ]);
    expect(detectEncoding(bytes).encoding).toBe("gb18030");
    expect(decodeRosterText(bytes).text).toBe("学号,姓名,院系/部门\r\n2024001,张三,计算机学院/软件工程/2024级1班\r\n");
  });

  it("reads UTF-16 「Unicode 文本」 with its tabs", async () => {
    const text = "学号\t姓名\r\n2024001\t张三\r\n";
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    const sheet = await openRoster(bytes, "csv");
    expect(sheet.headers).toEqual(["学号", "姓名"]);
    expect((await rowsOf(sheet)).map((r) => r.cells.map((c) => c.text))).toEqual([["2024001", "张三"]]);
  });

  it("a GBK file's rows read the same as the UTF-8 file's", async () => {
    const rows = [
      ["学号", "姓名"],
      ["2024001", "欧阳娜娜"],
    ];
    const fromGbk = await rowsOf(await openRoster(encodeGbk("学号,姓名\r\n2024001,欧阳娜娜\r\n"), "csv"));
    expect(fromGbk).toEqual(await rowsOf(await openRoster(utf8Csv(rows), "csv")));
  });
});

describe("a CSV is read in slices, never decoded whole", () => {
  const text = "学号,姓名,院系/部门\r\n2024001,欧阳娜娜,计算机学院/软件工程/2024级1班\r\n";
  const joined = (chunks: Iterable<Buffer | string>) =>
    [...chunks].map((chunk) => (typeof chunk === "string" ? chunk : chunk.toString("utf8"))).join("");

  it("keeps a character split between two slices whole, in GBK, UTF-16 and UTF-8 (its bytes handed on as they are)", () => {
    const gbk = encodeGbk(text);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    for (const size of [1, 3, 5, 7]) {
      expect(joined(textChunks(gbk, size))).toBe(text);
      expect(joined(textChunks(utf16, size))).toBe(text);
      // UTF-8 slices are views of the file's bytes (the byte-order mark left out), decoded by csv-parse field by field.
      expect(Buffer.concat([...textChunks(utf8Csv([["学号", "姓名"]]), size)].map((c) => Buffer.from(c as Buffer)))).toEqual(
        Buffer.from("学号,姓名\r\n"),
      );
    }
  });

  it("reads every row of a GBK file longer than one slice, whichever byte the slice ends on", async () => {
    const names = Array.from({ length: Math.ceil(TEXT_CHUNK_BYTES / 10) }, (_, i) => `${2024000 + i},欧阳娜娜`);
    // A title row of 1 to 6 characters moves the slice's end across the rows' bytes: some end inside a character.
    for (const title of ["x", "xx", "xxx", "xxxx", "xxxxx", "xxxxxx"]) {
      const rows = await rowsOf(await openRoster(encodeGbk(`${title}\r\n学号,姓名\r\n${names.join("\r\n")}\r\n`), "csv"));
      expect(rows).toHaveLength(names.length);
      expect(rows.filter((r, i) => r.cells[0]!.text !== String(2024000 + i) || r.cells[1]!.text !== "欧阳娜娜")).toEqual([]);
    }
  });
});

describe("the header row and the rows below it", () => {
  it("finds the header below a title and merged heading rows, and numbers rows as the sheet does", async () => {
    const file = utf8Csv([
      ["2024级新生名单", "", ""],
      ["（信息化办公室导出）", "", ""],
      ["学号", "姓名", "手机号"],
      ["2024001", "张三", "13800138000"],
    ]);
    const sheet = await openRoster(file, "csv");
    expect(sheet.headerRow).toBe(3);
    expect(sheet.headers).toEqual(["学号", "姓名", "手机号"]);
    expect((await rowsOf(sheet)).map((r) => r.rowNumber)).toEqual([4]);
  });

  it("skips empty rows, the trailing ones Excel leaves included", async () => {
    const file = utf8Csv([["学号", "姓名"], ["2024001", "张三"], ["", ""], ["2024002", "李四"], ["", ""], [""], ["", ""]]);
    expect((await rowsOf(await openRoster(file, "csv"))).map((r) => r.rowNumber)).toEqual([2, 4]);
  });

  it("maps Chinese and English headers, full-width or marked 必填, and ignores what it does not know", () => {
    expect(mapHeaders(["学号*", "姓名（必填）", "身份", "部门", "手机号码", "Ｅｍａｉｌ", "证件类型", "身份证号", "备注"])).toEqual([
      "account",
      "name",
      "identityKind",
      "department",
      "phone",
      "email",
      "idType",
      "idNumber",
      "ignore",
    ]);
    expect(mapHeaders(["Account", "Name", "Identity kind", "Department", "Mobile", "E-mail", "ID type", "ID number"])).toEqual([
      "account",
      "name",
      "identityKind",
      "department",
      "phone",
      "email",
      "idType",
      "idNumber",
    ]);
    // A field named twice is read from its first column only.
    expect(mapHeaders(["学号", "工号", "姓名"])).toEqual(["account", "ignore", "name"]);
  });
});

describe(".xlsx", () => {
  it("reads the first sheet's rows, keeping which cells Excel stored as numbers", async () => {
    const file = await xlsxFile([
      ["学号", "姓名", "证件号码", "手机号"],
      [2024001, "张三", 110101199003077000, 13800138000],
      ["2024002", "李四", "11010119900307701X", "13800138001"],
    ]);
    const rows = await rowsOf(await openRoster(file, "xlsx"));
    expect(rows[0]!.cells).toEqual([
      { text: "2024001", storedAsNumber: true },
      { text: "张三", storedAsNumber: false },
      { text: "110101199003077000", storedAsNumber: true },
      { text: "13800138000", storedAsNumber: true },
    ]);
    expect(rows[1]!.cells.map((c) => c.text)).toEqual(["2024002", "李四", "11010119900307701X", "13800138001"]);
  });

  it("refuses a damaged workbook as unreadable, not with a crash", async () => {
    const file = await xlsxFile([["学号"]]);
    const damaged = file.slice(0, Math.floor(file.byteLength / 2));
    await expect(openRoster(damaged, "xlsx").then(rowsOf)).rejects.toMatchObject({ code: "ROSTER_UNREADABLE" });
  });
});

describe("a large .xlsx", () => {
  /** A workbook of `count` rows of Chinese text, written with shared strings (as Excel writes) or inline (as some exporters do). */
  async function chineseWorkbook(count: number, useSharedStrings: boolean): Promise<Uint8Array> {
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
    });
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings });
    const sheet = book.addWorksheet("名单");
    sheet.addRow(["学号", "姓名", "身份类型", "院系/部门"]).commit();
    for (let i = 0; i < count; i++)
      sheet.addRow([`S${i}`, `学生${"张王李赵"[i % 4]}${i}`, "在校师生", `计算机学院/软件工程/${i % 40}班`]).commit();
    await book.commit();
    return new Uint8Array(Buffer.concat(chunks));
  }

  it.each([true, false])("keeps every Chinese character whole across the reader's chunks (shared strings: %s)", async (shared) => {
    const rows = await rowsOf(await openRoster(await chineseWorkbook(3000, shared), "xlsx"));
    expect(rows).toHaveLength(3000);
    const broken = rows.filter((row) => row.cells.some((cell) => cell.text.includes("\uFFFD")));
    expect(broken.map((row) => row.rowNumber)).toEqual([]);
    expect(new Set(rows.map((row) => row.cells[2]!.text))).toEqual(new Set(["在校师生"]));
  });
});
