// Everything the simulator knows, as one JSON-serialisable object, so that WECOM_SIM_STATE_FILE
// can persist it across restarts by writing it whole. Domain modules mutate it; nothing else holds
// state except the transient parts (fault counters, rate-limit windows, the callback queue).
import { existsSync, readFileSync } from "node:fs";
import { writePrivateJson } from "../shared/state-file";

export type FieldSet = "full" | "restricted";

export type CallbackConfig = {
  url: string;
  token: string;
  encodingAesKey: string;
  /**
   * "restricted" (the default) = what WeCom sends to contact callbacks configured after 2022-08-15
   * (reference §7.3, OFF 96302/96303, 90970/90971): only UserID/Department(/NewUserID), Id/ParentId,
   * and update_user / update_party only when the department, userid or parent changed.
   */
  fieldSet: FieldSet;
  /** WeCom does not echo the contact-sync assistant's own API changes (members included, §7.3) to its callback; true sends them anyway. */
  echoOwnApiChanges: boolean;
};

export type App = {
  agentid: number;
  name: string;
  secret: string;
  enabled: boolean;
  /** Departments (with their subtrees) and users who may see the app; [1] = everyone. */
  visibleDepartments: number[];
  visibleUsers: string[];
  /** host[:port] an OAuth redirect_uri must have for this app's token to redeem the code (50001); null = any. */
  trustedDomain: string | null;
  /** The assistant app (身份认证小助手 …) that unidentified followers see, with 关注身份验证. */
  isAssistant: boolean;
  homeUrl: string | null;
  callback: CallbackConfig | null;
  /**
   * An app created before 2022-06-20: no 企业可信IP restriction, and user/get still shows mobile,
   * email, gender, avatar and address (reference §2.2, §7.5; OFF 96255). false = created today.
   */
  legacy: boolean;
  /** 企业可信IP (reference §0, §7.5; ERR 60020): callers from other IPs get 60020 unless the app is legacy. */
  trustedIps: string[];
  /** A list set in the console that takes effect later (about a minute, §0). */
  trustedIpsPending: PendingIps | null;
};

export type PendingIps = { ips: string[]; effectiveAt: number };

/** 通讯录同步's API permission in the admin console: off, read-only (读取) or read and write (编辑). */
export type ContactSyncMode = "readWrite" | "readOnly" | "off";

export type Department = { id: number; name: string; name_en: string | null; parentid: number; order: number };

export type Activation = "pending" | "active" | "exited";

export type Member = {
  userid: string;
  name: string;
  alias: string;
  mobile: string | null;
  email: string | null;
  department: number[];
  order: number[];
  is_leader_in_dept: number[];
  direct_leader: string[];
  main_department: number;
  position: string;
  gender: "0" | "1" | "2";
  telephone: string;
  address: string;
  enable: 0 | 1;
  extattr: unknown;
  open_userid: string;
  activation: Activation;
  /** The simulated WeChat user who follows as this member (one member ↔ one WeChat, SUES 1.2 note 3). */
  wechatUserId: string | null;
  /** The phone the link was made with: the WeChat's bound phone, or the phone verified by SMS. */
  linkedPhone: string | null;
  /** Followed, but the corp's second verification has not been passed (user/authsucc pending). */
  awaitingSecondVerification: boolean;
  /** Userids WeCom made up (not set by the API) may be renamed once (301036). */
  systemGenerated: boolean;
  createdAt: number;
};

export type InboxMessage = { msgid: string; agentid: number; userid: string; msgtype: string; content: unknown; at: number };

export type Invitation = {
  userid: string;
  /** The member invited (its open_userid): a member deleted and created again is a new account. */
  memberKey: string;
  at: number;
  channel: "wechat" | "sms" | "email";
  /** One notice at once, then one a day, 3 in all, while the member has not joined (reference §4.1). */
  notices: { at: number }[];
};

export type Corp = {
  corpid: string;
  name: string;
  contactSecret: string;
  /** What the console grants the contact-sync API; "off" and "readOnly" answer 48002 (reference §7.5). */
  contactSync: ContactSyncMode;
  /** Account cap (人数上限): 45024 past it; also scales the message and account-creation limits. */
  accountCap: number;
  creatorUserid: string | null;
  /**
   * An IP of the contact-sync assistant added before 2022-08-15: only then may its token read member
   * details. false (today) = user/get, user/list, user/simplelist and department/list answer 48009 (§0, §7.5; OFF 96255).
   */
  contactSyncLegacyIp: boolean;
  /** The contact-sync assistant's 企业可信IP applies (§7.5): callers from other IPs get 60020. */
  contactIpRestricted: boolean;
  contactTrustedIps: string[];
  contactTrustedIpsPending: PendingIps | null;
  /** The corp uses 腾讯企业邮: user/update ignores an activated member's email (§11.1; OFF 90197). */
  exmail: boolean;
  secondVerificationUrl: string | null;
  contactCallback: CallbackConfig | null;
  departments: Department[];
  members: Member[];
  apps: App[];
  joinQrTickets: { ticket: string; sizeType: number; expiresAt: number }[];
  /** Links shown on the phone page as this corp's QR codes (e.g. the product's registration link). */
  links: { label: string; url: string }[];
  accountCreations: number[];
  invitations: Invitation[];
  messages: InboxMessage[];
  /** Unidentified followers: WeChat users who followed the account but are no member (see only the assistant app). */
  unidentifiedFollowers: { wechatUserId: string; reason: "needs_verification" | "member_followed_elsewhere"; at: number }[];
};

export type WechatUser = { id: string; name: string; phone: string; createdAt: number };

export type Token = { token: string; corpid: string; agent: number | "contacts"; secret: string; expiresAt: number; invalidated: boolean };

export type OAuthCode = {
  code: string;
  corpid: string;
  userid: string | null;
  openid: string | null;
  /** host[:port] of the redirect_uri, checked against the redeeming app's trusted domain. */
  redirectHost: string | null;
  expiresAt: number;
  used: boolean;
};

export type TfaCode = { tfaCode: string; corpid: string; userid: string; expiresAt: number; used: boolean };

export type SmsCode = { wechatUserId: string; corpid: string; phone: string; code: string; expiresAt: number; attempts: number };

export type Sms = { id: number; phone: string; text: string; at: number };

export type SimState = {
  version: 1;
  clockOffsetMs: number;
  tokenTtlSeconds: number;
  corps: Corp[];
  wechatUsers: WechatUser[];
  tokens: Token[];
  oauthCodes: OAuthCode[];
  tfaCodes: TfaCode[];
  smsCodes: SmsCode[];
  smsOutbox: Sms[];
  nextIds: { sms: number; msg: number; agent: number };
};

export function emptyState(): SimState {
  return {
    version: 1,
    clockOffsetMs: 0,
    tokenTtlSeconds: 7200,
    corps: [],
    wechatUsers: [],
    tokens: [],
    oauthCodes: [],
    tfaCodes: [],
    smsCodes: [],
    smsOutbox: [],
    nextIds: { sms: 1, msg: 1, agent: 1000002 },
  };
}

type NewCorpFields =
  "contactSync" | "contactSyncLegacyIp" | "contactIpRestricted" | "contactTrustedIps" | "contactTrustedIpsPending" | "exmail";
type StoredApp = Omit<App, "legacy" | "trustedIps" | "trustedIpsPending"> & Partial<App>;
type StoredInvitation = Omit<Invitation, "memberKey" | "notices"> & Partial<Invitation>;
type StoredCorp = Omit<Corp, NewCorpFields | "apps" | "invitations"> &
  Partial<Pick<Corp, NewCorpFields>> & {
    apps: StoredApp[];
    invitations: StoredInvitation[];
    contactSyncEnabled?: boolean;
    contactSyncNewIp?: boolean;
  };

/** A state file written before the 2022 restrictions were simulated: its corps get today's defaults (fields present win). */
function upgradeCorp({ contactSyncEnabled, contactSyncNewIp: _legacyName, ...corp }: StoredCorp): Corp {
  return {
    contactSync: contactSyncEnabled === false ? "off" : "readWrite",
    contactSyncLegacyIp: false,
    contactIpRestricted: true,
    contactTrustedIps: [],
    contactTrustedIpsPending: null,
    exmail: false,
    ...corp,
    apps: corp.apps.map((a) => ({ legacy: false, trustedIps: [], trustedIpsPending: null, ...a })),
    invitations: corp.invitations.map((i) => ({ memberKey: "", notices: [{ at: i.at }], ...i })),
  };
}

export function loadState(file: string | undefined): SimState {
  if (!file || !existsSync(file)) return emptyState();
  const parsed = JSON.parse(readFileSync(file, "utf8")) as Partial<SimState>;
  if (parsed.version !== 1) throw new Error(`${file} is not a WeCom simulator state file (version ${String(parsed.version)}).`);
  const state = { ...emptyState(), ...parsed };
  return { ...state, corps: (state.corps as StoredCorp[]).map((c) => upgradeCorp(c)) };
}

export function saveState(file: string | undefined, state: SimState): void {
  if (file) writePrivateJson(file, state);
}

export const findCorp = (state: SimState, corpid: string): Corp | undefined => state.corps.find((c) => c.corpid === corpid);

/** WeCom compares userids without regard to case. */
export const findMember = (corp: Corp, userid: string): Member | undefined =>
  corp.members.find((m) => m.userid.toLowerCase() === userid.toLowerCase());

export const findWechatUser = (state: SimState, id: string): WechatUser | undefined => state.wechatUsers.find((u) => u.id === id);

/** Has linked a WeChat (followed): status 1, or 4 while awaiting second verification. WeCom calls this 已激活. */
export const isActivated = (member: Member): boolean => member.activation === "active" && member.wechatUserId !== null;

export function memberStatus(member: Member): 1 | 2 | 4 | 5 {
  if (member.activation === "exited") return 5;
  if (member.enable === 0) return 2;
  if (member.activation === "active" && !member.awaitingSecondVerification) return 1;
  return 4;
}
