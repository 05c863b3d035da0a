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

  private readonly accountRows = new Map<string, number[]>();
  private readonly phones = new Map<string, Claim>();
  private readonly emails = new Map<string, Claim>();
  private readonly lengths = new Map<string, Map<number, LengthCount>>();
  private readonly fixedLengths = new Map<string, number | null>();

  add(row: ParsedRow): void {
    if (!row.account) return;
    const key = row.account.toLowerCase();
    this.accountRows.set(key, [...(this.accountRows.get(key) ?? []), row.row]);
    const claim = { row: row.row, account: row.account };
    if (row.values.phone && !this.phones.has(row.values.phone)) this.phones.set(row.values.phone, claim);
    const email = row.values.email?.toLowerCase();
    if (email && !this.emails.has(email)) this.emails.set(email, claim);
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
    return (this.accountRows.get(account.toLowerCase()) ?? []).filter((r) => r !== row);
  }

  /** Another account's earlier row with this phone. */
  phoneClaimedBefore(phone: string, row: ParsedRow): Claim | undefined {
    const claim = this.phones.get(phone);
    return claim && claim.row < row.row && claim.account.toLowerCase() !== row.account.toLowerCase() ? claim : undefined;
  }

  emailClaimedBefore(email: string, row: ParsedRow): Claim | undefined {
    const claim = this.emails.get(email.toLowerCase());
    return claim && claim.row < row.row && claim.account.toLowerCase() !== row.account.toLowerCase() ? claim : undefined;
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
