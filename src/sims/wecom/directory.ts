// Members (reference §2): create / get / update / delete / batchdelete / simplelist / list /
// list_id / getuserid, with WeCom's field rules and error codes. Status is derived (state.ts):
// 4 until the member follows in WeChat, 1 once followed (and second-verified), 2 when disabled,
// 5 after leaving the company.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { XmlField } from "./callback-crypto";
import { endOfChinaDay } from "./clock";
import { type Origin, type Sim, simNow } from "./context";
import { wecomError } from "./errors";
import { isValidWecomMobile, samePhone } from "./phone";
import { DAY } from "./rate-limits";
import { type Corp, findMember, isActivated, type Member, memberStatus } from "./state";
import type { Caller } from "./tokens";
import { isInSubtree, isMemberVisible } from "./visibility";

const MAX_DEPARTMENTS_PER_MEMBER = 20;
const intArray = z.array(z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]));

const memberFields = {
  userid: z.string().optional(),
  name: z.string().optional(),
  alias: z.string().optional(),
  mobile: z.string().optional(),
  department: intArray.optional(),
  order: intArray.optional(),
  position: z.string().optional(),
  gender: z.union([z.string(), z.number()]).transform(String).optional(),
  email: z.string().optional(),
  biz_mail: z.string().optional(),
  telephone: z.string().optional(),
  is_leader_in_dept: intArray.optional(),
  direct_leader: z.array(z.string()).optional(),
  enable: z.union([z.literal(0), z.literal(1)]).optional(),
  avatar_mediaid: z.string().optional(),
  address: z.string().optional(),
  main_department: z.number().int().optional(),
  extattr: z.unknown().optional(),
  to_invite: z.boolean().optional(),
  external_position: z.string().optional(),
  external_profile: z.unknown().optional(),
};
export const createMemberInput = z.looseObject(memberFields);
export const updateMemberInput = z.looseObject({ ...memberFields, new_userid: z.string().optional() });
type MemberInput = z.infer<typeof updateMemberInput>;

/** 1–64 bytes of letters, digits, _ - @ . starting with a letter or digit; too long is 40058, other breaches 40003. */
export function checkUserid(userid: string | undefined): string {
  if (userid === undefined || userid === "") throw wecomError(41009);
  if (Buffer.byteLength(userid) > 64) throw wecomError(40058, "userid is longer than 64 bytes");
  if (!/^[A-Za-z0-9][A-Za-z0-9_\-@.]*$/.test(userid))
    throw wecomError(40003, "userid may hold letters, digits, _ - @ . and must start with a letter or digit");
  return userid;
}

function memberByMobile(corp: Corp, mobile: string, except?: Member): Member | undefined {
  return corp.members.find((m) => m !== except && samePhone(m.mobile, mobile));
}

/** Checks the fields a create or update carries; `existing` is the member being updated. */
function checkFields(corp: Corp, input: MemberInput, existing?: Member): void {
  if (input.name !== undefined) {
    const n = [...input.name].length;
    if (n < 1 || n > 64) throw wecomError(60112);
  }
  if (input.alias !== undefined && [...input.alias].length > 64) throw wecomError(40058, "alias is longer than 64 characters");
  if (input.mobile !== undefined && input.mobile !== "") {
    if (!isValidWecomMobile(input.mobile)) throw wecomError(60103);
    if (memberByMobile(corp, input.mobile, existing)) throw wecomError(60104);
  }
  if (input.email !== undefined && input.email !== "") {
    const bytes = Buffer.byteLength(input.email);
    if (bytes < 6 || bytes > 64 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email)) throw wecomError(60105);
    if (corp.members.some((m) => m !== existing && m.email?.toLowerCase() === input.email?.toLowerCase())) throw wecomError(60106);
  }
  if (input.department !== undefined) {
    if (input.department.length === 0) throw wecomError(60127);
    if (input.department.length > MAX_DEPARTMENTS_PER_MEMBER) throw wecomError(60110);
    if (input.department.some((id) => !corp.departments.some((d) => d.id === id))) throw wecomError(40066);
  }
  const departmentCount = (input.department ?? existing?.department ?? []).length;
  if (input.is_leader_in_dept !== undefined && input.is_leader_in_dept.length !== departmentCount) throw wecomError(60132);
  if (input.order !== undefined && input.order.length !== departmentCount)
    throw wecomError(40058, "order must have one entry per department");
  if (input.position !== undefined && [...input.position].length > 128) throw wecomError(301012);
  if (input.gender !== undefined && !["0", "1", "2"].includes(input.gender)) throw wecomError(40058, "gender must be 1 or 2");
  if (input.direct_leader !== undefined && input.direct_leader.length > 5) throw wecomError(40058, "at most 5 direct leaders");
  if (input.address !== undefined && [...input.address].length > 128) throw wecomError(40058, "address is longer than 128 characters");
  if (input.main_department !== undefined && !(input.department ?? existing?.department ?? []).includes(input.main_department)) {
    throw wecomError(40058, "main_department must be one of the member's departments");
  }
}

export function contactFields(member: Member): XmlField[] {
  const fields: XmlField[] = [
    ["UserID", member.userid],
    ["Name", member.name],
    ["Department", member.department.join(",")],
    ["MainDepartment", member.main_department],
    ["IsLeaderInDept", member.is_leader_in_dept.join(",")],
    ["DirectLeader", member.direct_leader.join(",")],
    ["Position", member.position],
    ["Mobile", member.mobile ?? ""],
    ["Gender", Number(member.gender)],
    ["Email", member.email ?? ""],
    ["Status", memberStatus(member)],
    ["Alias", member.alias],
    ["Telephone", member.telephone],
    ["Address", member.address],
  ];
  return fields;
}

/**
 * update_user carries UserID, NewUserID when renamed, then only what changed (Department always).
 * A restricted callback (configured after 2022-08-15) hears of it only when the department or the
 * userid changed, and then only UserID/NewUserID/Department (reference §7.3, OFF 90970/90971): a
 * follow, unfollow, second verification, exit or a new name or mobile sends it nothing.
 */
export function emitMemberUpdate(sim: Sim, corp: Corp, before: XmlField[], member: Member, origin: Origin, oldUserid?: string): void {
  const after = contactFields(member);
  const changed = after.filter(([name, value]) => name !== "UserID" && before.find(([n]) => n === name)?.[1] !== value);
  if (changed.length === 0 && !oldUserid) return;
  const id: XmlField[] = oldUserid
    ? [
        ["UserID", oldUserid],
        ["NewUserID", member.userid],
      ]
    : [["UserID", member.userid]];
  const departmentChanged = changed.some(([n]) => n === "Department");
  sim.emit({
    kind: "change_contact",
    corpid: corp.corpid,
    changeType: "update_user",
    fields: [...id, ...changed.filter(([n]) => n !== "Department"), ["Department", member.department.join(",")]],
    restrictedFields: departmentChanged || oldUserid ? [...id, ["Department", member.department.join(",")]] : null,
    origin,
  });
}

export function createMember(sim: Sim, corp: Corp, body: unknown, origin: Origin): Member {
  const parsed = createMemberInput.safeParse(body);
  if (!parsed.success) throw wecomError(40058, parsed.error.issues[0]?.path.join(".") ?? "");
  const input = parsed.data;
  const userid = checkUserid(input.userid);
  if (input.name === undefined || input.name === "") throw wecomError(60112);
  if (input.department === undefined) throw wecomError(60127);
  if (!input.mobile && !input.email) throw wecomError(60129);
  if (findMember(corp, userid)) throw wecomError(60102);
  checkFields(corp, input);
  const t = simNow(sim);
  const liveMembers = corp.members.filter((m) => m.activation !== "exited").length;
  if (liveMembers >= corp.accountCap) throw wecomError(45024);
  corp.accountCreations = corp.accountCreations.filter((at) => at > t - 30 * DAY);
  if (corp.accountCreations.length >= corp.accountCap * sim.limits.accountCreationsPerMonthPerCap) {
    throw wecomError(45009, "account creations this month exceed the limit");
  }
  corp.accountCreations.push(t);
  const member: Member = {
    userid,
    name: input.name,
    alias: input.alias ?? "",
    mobile: input.mobile || null,
    email: input.email || null,
    department: input.department,
    order: input.order ?? input.department.map(() => 0),
    is_leader_in_dept: input.is_leader_in_dept ?? input.department.map(() => 0),
    direct_leader: input.direct_leader ?? [],
    main_department: input.main_department ?? input.department[0] ?? 1,
    position: input.position ?? "",
    gender: (input.gender ?? "0") as Member["gender"],
    telephone: input.telephone ?? "",
    address: input.address ?? "",
    enable: input.enable ?? 1,
    extattr: input.extattr ?? { attrs: [] },
    open_userid: `wo${randomBytes(14).toString("hex")}`,
    activation: "pending",
    wechatUserId: null,
    linkedPhone: null,
    awaitingSecondVerification: false,
    systemGenerated: false,
    createdAt: t,
  };
  corp.members.push(member);
  sim.emit({
    kind: "change_contact",
    corpid: corp.corpid,
    changeType: "create_user",
    fields: contactFields(member),
    restrictedFields: [
      ["UserID", member.userid],
      ["Department", member.department.join(",")],
    ],
    origin,
  });
  return member;
}

/**
 * user/get, user/list: an app token sees only its visible members and, for apps created after
 * 2022-06-20, no mobile, email, gender, avatar or address; status is still there (reference §2.2, OFF 96255).
 */
export function memberView(member: Member, caller: Caller) {
  const full = caller.isContactSync || caller.app?.legacy === true;
  return {
    userid: member.userid,
    name: member.name,
    department: member.department,
    order: member.order,
    position: member.position,
    ...(full
      ? {
          mobile: member.mobile ?? "",
          gender: member.gender,
          email: member.email ?? "",
          avatar: "",
          thumb_avatar: "",
          address: member.address,
        }
      : {}),
    is_leader_in_dept: member.is_leader_in_dept,
    direct_leader: member.direct_leader,
    telephone: member.telephone,
    alias: member.alias,
    status: memberStatus(member),
    enable: member.enable,
    main_department: member.main_department,
    open_userid: member.open_userid,
    extattr: member.extattr,
    qr_code: "",
    external_position: "",
  };
}

/** The member a caller names, or 60111; an app token outside its visible range gets 60011. */
export function memberFor(caller: Caller, userid: string | undefined, { forRead }: { forRead: boolean }): Member {
  checkUserid(userid);
  const member = findMember(caller.corp, userid ?? "");
  if (!member) throw wecomError(60111);
  if (forRead && caller.app && !isMemberVisible(caller.corp, caller.app, member)) throw wecomError(60011);
  return member;
}

export function getMember(caller: Caller, userid: string | undefined) {
  return memberView(memberFor(caller, userid, { forRead: true }), caller);
}

/**
 * 「若成员已激活企业微信，则需成员自行修改（此情况下该参数被忽略，但不会报错）」 (reference §11.1, OFF 90197):
 * an activated member's mobile, and with 腾讯企业邮 their email, are ignored without an error.
 */
function withoutIgnoredFields(corp: Corp, member: Member, input: MemberInput): MemberInput {
  if (!isActivated(member)) return input;
  const kept = { ...input };
  delete kept.mobile;
  if (corp.exmail) delete kept.email;
  return kept;
}

export function updateMember(sim: Sim, corp: Corp, body: unknown, origin: Origin): void {
  const parsed = updateMemberInput.safeParse(body);
  if (!parsed.success) throw wecomError(40058, parsed.error.issues[0]?.path.join(".") ?? "");
  const member = findMember(corp, checkUserid(parsed.data.userid));
  if (!member) throw wecomError(60111);
  const input = withoutIgnoredFields(corp, member, parsed.data);
  checkFields(corp, input, member);
  if (input.new_userid !== undefined && input.new_userid !== member.userid) {
    checkUserid(input.new_userid);
    if (!member.systemGenerated) throw wecomError(301036);
    if (findMember(corp, input.new_userid)) throw wecomError(60102);
  }
  const mobile = input.mobile === undefined ? member.mobile : input.mobile || null;
  const email = input.email === undefined ? member.email : input.email || null;
  if (!mobile && !email) throw wecomError(60129);
  const before = contactFields(member);
  const wasActive = memberStatus(member) === 1;
  const appsBefore = appsSeeing(corp, member);
  if (input.name !== undefined) member.name = input.name;
  if (input.alias !== undefined) member.alias = input.alias;
  member.mobile = mobile;
  member.email = email;
  if (input.department !== undefined) {
    member.department = input.department;
    if (input.order === undefined) member.order = input.department.map(() => 0);
    if (input.is_leader_in_dept === undefined) member.is_leader_in_dept = input.department.map(() => 0);
    if (input.main_department === undefined && !input.department.includes(member.main_department))
      member.main_department = input.department[0] ?? 1;
  }
  if (input.order !== undefined) member.order = input.order;
  if (input.is_leader_in_dept !== undefined) member.is_leader_in_dept = input.is_leader_in_dept;
  if (input.direct_leader !== undefined) member.direct_leader = input.direct_leader;
  if (input.main_department !== undefined) member.main_department = input.main_department;
  if (input.position !== undefined) member.position = input.position;
  if (input.gender !== undefined) member.gender = input.gender as Member["gender"];
  if (input.telephone !== undefined) member.telephone = input.telephone;
  if (input.address !== undefined) member.address = input.address;
  if (input.extattr !== undefined) member.extattr = input.extattr;
  if (input.enable !== undefined) member.enable = input.enable;
  let oldUserid: string | undefined;
  if (input.new_userid !== undefined && input.new_userid !== member.userid) {
    oldUserid = member.userid;
    member.userid = input.new_userid;
    member.systemGenerated = false;
  }
  emitMemberUpdate(sim, corp, before, member, origin, oldUserid);
  const isActive = memberStatus(member) === 1;
  if (wasActive !== isActive) sim.emit({ kind: isActive ? "subscribe" : "unsubscribe", corpid: corp.corpid, userid: member.userid });
  else if (isActive) {
    // Moved into or out of an app's visible range by a department change (reference §7.4, OFF 90376).
    const appsAfter = appsSeeing(corp, member);
    for (const agentid of appsAfter)
      if (!appsBefore.has(agentid)) sim.emit({ kind: "subscribe", corpid: corp.corpid, userid: member.userid, agentid });
    for (const agentid of appsBefore)
      if (!appsAfter.has(agentid)) sim.emit({ kind: "unsubscribe", corpid: corp.corpid, userid: member.userid, agentid });
  }
}

const appsSeeing = (corp: Corp, member: Member): Set<number> =>
  new Set(corp.apps.filter((a) => isMemberVisible(corp, a, member)).map((a) => a.agentid));

export function deleteMember(sim: Sim, corp: Corp, userid: string | undefined, origin: Origin): void {
  const member = findMember(corp, checkUserid(userid));
  if (!member) throw wecomError(60111);
  if (corp.creatorUserid && member.userid.toLowerCase() === corp.creatorUserid.toLowerCase()) throw wecomError(301005);
  removeMember(sim, corp, member, origin);
}

function removeMember(sim: Sim, corp: Corp, member: Member, origin: Origin): void {
  // Apps hear "unsubscribe" while the member still exists to be matched against their visible range.
  if (memberStatus(member) === 1) sim.emit({ kind: "unsubscribe", corpid: corp.corpid, userid: member.userid });
  corp.members = corp.members.filter((m) => m !== member);
  sim.emit({
    kind: "change_contact",
    corpid: corp.corpid,
    changeType: "delete_user",
    fields: [["UserID", member.userid]],
    restrictedFields: [["UserID", member.userid]],
    origin,
  });
}

/** user/batchdelete: ≤ 200 ids, and one bad id fails the whole call. */
export function batchDeleteMembers(sim: Sim, corp: Corp, body: unknown, origin: Origin): void {
  const parsed = z.looseObject({ useridlist: z.array(z.string()).optional() }).safeParse(body);
  if (!parsed.success) throw wecomError(40058);
  const list = parsed.data.useridlist ?? [];
  if (list.length === 0) throw wecomError(40031);
  if (list.length > 200) throw wecomError(40032);
  const members = list.map((userid) => {
    const member = findMember(corp, userid);
    if (!member) throw wecomError(40031, `${userid} does not exist`);
    if (corp.creatorUserid && member.userid.toLowerCase() === corp.creatorUserid.toLowerCase()) throw wecomError(301005);
    return member;
  });
  for (const member of new Set(members)) removeMember(sim, corp, member, origin);
}

function membersOfDepartment(caller: Caller, departmentId: string | null, fetchChild: string | null): Member[] {
  const { corp, app } = caller;
  if (departmentId === null || departmentId === "") throw wecomError(60123, "department_id is required");
  const id = Number(departmentId);
  if (!Number.isInteger(id) || !corp.departments.some((d) => d.id === id)) throw wecomError(60123);
  const child = fetchChild === "1";
  return corp.members.filter(
    (m) => m.department.some((d) => (child ? isInSubtree(corp, d, id) : d === id)) && (!app || isMemberVisible(corp, app, m)),
  );
}

export function simpleListMembers(caller: Caller, departmentId: string | null, fetchChild: string | null) {
  const userlist = membersOfDepartment(caller, departmentId, fetchChild).map((m) => ({
    userid: m.userid,
    name: m.name,
    department: m.department,
    open_userid: m.open_userid,
  }));
  return { userlist };
}

export function listMembers(caller: Caller, departmentId: string | null, fetchChild: string | null) {
  return { userlist: membersOfDepartment(caller, departmentId, fetchChild).map((m) => memberView(m, caller)) };
}

/** user/list_id: every userid with its departments, paged by an opaque cursor. */
export function listMemberIds(caller: Caller, body: unknown) {
  const parsed = z.looseObject({ cursor: z.string().optional(), limit: z.number().int().optional() }).safeParse(body);
  if (!parsed.success) throw wecomError(40058);
  const limit = parsed.data.limit ?? 10_000;
  if (limit < 1 || limit > 10_000) throw wecomError(40058, "limit must be 1-10000");
  const start = parsed.data.cursor ? Number.parseInt(Buffer.from(parsed.data.cursor, "base64url").toString(), 10) : 0;
  if (!Number.isInteger(start) || start < 0) throw wecomError(40058, "invalid cursor");
  const { corp, app } = caller;
  const all = corp.members.filter((m) => !app || isMemberVisible(corp, app, m));
  const page = all.slice(start, start + limit);
  const rows = page.flatMap((m) => m.department.map((department) => ({ userid: m.userid, department })));
  const next = start + limit < all.length ? Buffer.from(String(start + limit)).toString("base64url") : "";
  return { next_cursor: next, dept_user: rows };
}

/**
 * user/getuserid: 46004 on a miss. Misses above getuseridMissRatio of the headcount in one
 * natural day block the API for the rest of that day (45009).
 */
export function getUseridByMobile(sim: Sim, caller: Caller, body: unknown) {
  const parsed = z.looseObject({ mobile: z.string().optional() }).safeParse(body);
  if (!parsed.success) throw wecomError(40058);
  const mobile = parsed.data.mobile;
  if (!mobile) throw wecomError(40063, "mobile is required");
  const t = simNow(sim);
  const blockKey = `getuserid|${caller.corp.corpid}`;
  if (sim.rate.isBlocked(blockKey, t))
    throw wecomError(45009, "too many wrong mobiles today; user/getuserid is blocked until the end of the day");
  const bytes = Buffer.byteLength(mobile);
  const member = bytes >= 5 && bytes <= 32 ? memberByMobile(caller.corp, mobile) : undefined;
  const visible = member && (!caller.app || isMemberVisible(caller.corp, caller.app, member));
  if (!member || !visible) {
    const headcount = caller.corp.members.length;
    if (!sim.rate.take(blockKey, Math.floor(headcount * sim.limits.getuseridMissRatio), DAY, t)) sim.rate.block(blockKey, endOfChinaDay(t));
    throw wecomError(46004);
  }
  return { userid: member.userid };
}
