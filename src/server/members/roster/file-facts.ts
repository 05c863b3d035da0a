// What the whole file says, gathered in a first pass, so each row can be judged against the
// others: accounts that repeat, a phone or e-mail address two accounts claim, and 学号 that lost
// their leading zeros (the file's other numbers of that kind have a fixed length and start with 0).
import type { RosterField } from "./fields";
import type { ParsedRow } from "./parse-row";

type Claim = { row: number; account: string };
type LengthCount = { count: number; withLeadingZero: number };

/** A fixed length is "the file's" when at least this share of a kind's numeric accounts have it (and three or more do). */
const DOMINANT_SHARE = 0.75;

export class FileFacts {
  /** The fields of a row `add` reads (its account and kind are always read). */
  static readonly FIELDS: ReadonlySet<RosterField> = new Set<RosterField>(["account", "phone", "email"]);

  // Held for every row of the file, so kept small (100,000 rows): numbers and the strings the rows
  // already hold, no object per row. An account's row is a number; only a repeated account has a list.
  private readonly accountRows = new Map<string, number | number[]>();
  /** Each row's account as written (a claim names it), by row number. */
  private readonly accountOfRow: string[] = [];
  /** The first row to give a phone (or e-mail address). */
  private readonly phones = new Map<string, number>();
  private readonly emails = new Map<string, number>();
  private readonly lengths = new Map<string, Map<number, LengthCount>>();
  private readonly fixedLengths = new Map<string, number | null>();

  add(row: ParsedRow): void {
    if (!row.account) return;
    const key = row.account.toLowerCase();
    const rows = this.accountRows.get(key);
    this.accountRows.set(key, rows === undefined ? row.row : [...(typeof rows === "number" ? [rows] : rows), row.row]);
    this.accountOfRow[row.row] = row.account;
    if (row.values.phone && !this.phones.has(row.values.phone)) this.phones.set(row.values.phone, row.row);
    const email = row.values.email?.toLowerCase();
    if (email && !this.emails.has(email)) this.emails.set(email, row.row);
    if (/^\d+$/.test(row.account)) {
      const byLength = this.lengths.get(row.kindKey) ?? new Map<number, LengthCount>();
      const count = byLength.get(row.account.length) ?? { count: 0, withLeadingZero: 0 };
      count.count++;
      if (row.account.startsWith("0")) count.withLeadingZero++;
      byLength.set(row.account.length, count);
      this.lengths.set(row.kindKey, byLength);
    }
  }

  hasAccount(account: string): boolean {
    return this.accountRows.has(account.toLowerCase());
  }

  /** The other rows with the same account (accounts are unique whatever their case). */
  otherRowsOf(account: string, row: number): number[] {
    const rows = this.accountRows.get(account.toLowerCase()) ?? [];
    return typeof rows === "number" ? (rows === row ? [] : [rows]) : rows.filter((r) => r !== row);
  }

  /** Another account's earlier row with this phone. */
  phoneClaimedBefore(phone: string, row: ParsedRow): Claim | undefined {
    return this.claimBefore(this.phones.get(phone), row);
  }

  emailClaimedBefore(email: string, row: ParsedRow): Claim | undefined {
    return this.claimBefore(this.emails.get(email.toLowerCase()), row);
  }

  private claimBefore(claimRow: number | undefined, row: ParsedRow): Claim | undefined {
    if (claimRow === undefined || claimRow >= row.row) return undefined;
    const account = this.accountOfRow[claimRow]!;
    return account.toLowerCase() !== row.account.toLowerCase() ? { row: claimRow, account } : undefined;
  }

  /** The length the file's numeric accounts of this kind keep with leading zeros, if they do. */
  fixedAccountLength(kindKey: string): number | undefined {
    if (!this.fixedLengths.has(kindKey)) {
      const byLength = [...(this.lengths.get(kindKey) ?? new Map<number, LengthCount>()).entries()];
      const total = byLength.reduce((sum, [, c]) => sum + c.count, 0);
      const [length, top] = byLength.reduce<[number, LengthCount] | [null, null]>(
        (best, next) => (best[1] === null || next[1].count > best[1].count ? next : best),
        [null, null],
      );
      const fixed = top && top.count >= 3 && top.count >= total * DOMINANT_SHARE && top.withLeadingZero > 0 ? length : null;
      this.fixedLengths.set(kindKey, fixed);
    }
    return this.fixedLengths.get(kindKey) ?? undefined;
  }
}
