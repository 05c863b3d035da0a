// The directory as the back office searches it: one field that takes a 学工号, a 姓名, a 手机号 or an
// ID number, and filters by department, identity kind and state; sorted and paged in the database
// (a school of 30,000 is never loaded into memory). The indexes that serve each condition are
// named in the migrations 20261207143732_directory_search and 20261207203419_member_name_grams.
import { z } from "zod";
import type { Prisma } from "~/generated/prisma/client";
import { blindIndex, normaliseIdNumber } from "~/server/crypto/secrets";
import { encryptionKey } from "~/server/crypto/keys";
import type { TenantScope } from "~/server/scope";
import { ACCOUNT_PATTERN } from "./account";
import { adminMemberRow, adminMemberRowOutput, adminMemberRowSelect, escapeLike } from "./member-directory";

/** Where a member stands in the activation funnel (a filter of the list). */
export const MEMBER_STATES = ["notSignedIn", "signedIn", "phoneBound", "inWecom", "followed", "verified"] as const;
export type MemberState = (typeof MEMBER_STATES)[number];

export const MEMBER_SORTS = ["account", "name", "department", "wecom"] as const;

/** Beyond this many matches the count stops: the admin narrows the search rather than paging through it. */
export const COUNT_CAP = 10_000;

export const searchMembersInput = z.object({
  query: z.string().max(64).default(""),
  /** A department path's beginning, e.g. 「计算机学院/软件工程」. */
  department: z.string().max(200).default(""),
  identityKindCode: z.string().max(32).default(""),
  state: z.enum(MEMBER_STATES).optional(),
  sort: z.enum(MEMBER_SORTS).default("account"),
  dir: z.enum(["asc", "desc"]).default("asc"),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});

export const memberPageOutput = z.object({
  rows: z.array(adminMemberRowOutput),
  /** Matches, counted up to COUNT_CAP. */
  total: z.number(),
  /** The count stopped at COUNT_CAP: there are more. */
  capped: z.boolean(),
  page: z.number(),
  pages: z.number(),
});

/** An ID number (resident ID, passport …) once normalised: worth a blind-index lookup. */
const ID_NUMBER = /^[0-9A-Z]{6,32}$/;

/**
 * What the search field matched: 学工号 by prefix, 姓名 anywhere in the name, 手机号 as the
 * digits typed (11 mainland digits, or 00/+ and a country code) against the stored E.164,
 * and an ID number exactly, through its per-school blind index.
 */
function queryWhere(typed: string, tenantId: string): Prisma.MemberWhereInput {
  const q = typed.trim();
  if (!q) return {};
  const digits = q.replace(/[\s-]/g, "");
  const phone = digits.startsWith("00") ? `+${digits.slice(2)}` : digits.startsWith("+") ? digits : `+86${digits}`;
  const idNumber = normaliseIdNumber(q);
  return {
    OR: [
      // Only what could begin a 学工号 is looked up as one: a 姓名 like 王 never is, and an OR with a
      // branch that cannot match can still keep the planner from combining the name's index with the
      // department's (院系 + 姓名 read 33,000 members instead of 900 on a million).
      ...(ACCOUNT_PATTERN.test(q) ? [{ account: { startsWith: escapeLike(q) } }] : []),
      nameWhere(q),
      ...(/^\+?\d{5,}$/.test(digits) ? [{ phone }, { phoneDisplay: digits }] : []),
      ...(ID_NUMBER.test(idNumber) ? [{ idNumberHash: blindIndex(idNumber, encryptionKey(), tenantId) }] : []),
    ],
  };
}

/**
 * 姓名 anywhere in the name. A query of one or two characters has no trigram for the name's trigram
 * index, so `contains` would read every member of the school: it is looked up among the name's
 * characters and character pairs instead (nameGrams, kept by the database), which holds exactly the
 * same members. Characters are counted as PostgreSQL counts them (code points: 𠮷 is one).
 */
function nameWhere(q: string): Prisma.MemberWhereInput {
  return [...q].length <= 2 ? { nameGrams: { has: q } } : { name: { contains: escapeLike(q) } };
}

export const stateWhere: Record<MemberState, Prisma.MemberWhereInput> = {
  notSignedIn: { lastSignInAt: null },
  signedIn: { lastSignInAt: { not: null } },
  phoneBound: { binding: { isNot: null } },
  inWecom: { wecom: { is: { writtenAt: { not: null } } } },
  // Followed: admitted, or sent to the school's 二次验证 page (which WeCom does only after a follow).
  followed: { wecom: { is: { OR: [{ state: "ACTIVATED" }, { verificationSeenAt: { not: null } }] } } },
  // Activated: WeCom admitted them (二次验证 passed where the school asks for it).
  verified: { wecom: { is: { state: "ACTIVATED" } } },
};

function orderBy(sort: (typeof MEMBER_SORTS)[number], dir: "asc" | "desc"): Prisma.MemberOrderByWithRelationInput[] {
  const first: Prisma.MemberOrderByWithRelationInput =
    sort === "wecom" ? { wecom: { state: { sort: dir, nulls: "last" } } } : { [sort]: dir };
  // The account breaks ties, so a page never repeats or skips a member.
  return sort === "account" ? [first] : [first, { account: "asc" }];
}

/** A group of the directory: a department path's beginning and an identity kind (the list's filters, and the funnel's). */
export function groupWhere(group: { department: string; identityKindCode: string }): Prisma.MemberWhereInput {
  const department = group.department.trim();
  return {
    AND: [
      department ? { department: { startsWith: escapeLike(department) } } : {},
      group.identityKindCode ? { identityKind: { code: group.identityKindCode } } : {},
    ],
  };
}

export async function searchMembers(scope: TenantScope, input: z.input<typeof searchMembersInput>) {
  const asked = searchMembersInput.parse(input);
  const where: Prisma.MemberWhereInput = {
    AND: [queryWhere(asked.query, scope.tenant.id), groupWhere(asked), asked.state ? stateWhere[asked.state] : {}],
  };
  // Counted up to the cap, in no particular order. Prisma orders a count that has a `take` (by id unless
  // told otherwise), and `ORDER BY id LIMIT` let the planner walk the id index through the members in
  // random order: 263,000 pages read to count 10,001 王 on a million. The tenant is one value here, which
  // PostgreSQL knows from the filter, so ordering by it sorts nothing and the scan stops at the cap.
  const counted = await scope.db.member.count({ where, take: COUNT_CAP + 1, orderBy: { tenantId: "asc" } });
  const total = Math.min(counted, COUNT_CAP);
  const pages = Math.max(1, Math.ceil(total / asked.pageSize));
  // A page past the end shows the last one, as the kit's links expect.
  const page = Math.min(asked.page, pages);
  const rows = await scope.db.member.findMany({
    where,
    select: adminMemberRowSelect,
    orderBy: orderBy(asked.sort, asked.dir),
    skip: (page - 1) * asked.pageSize,
    take: asked.pageSize,
  });
  return { rows: rows.map(adminMemberRow), total, capped: counted > COUNT_CAP, page, pages };
}
