// The WeCom server API client (reference §0–§6). Its base URL is configuration:
// the real https://qyapi.weixin.qq.com or the bundled simulator. Tokens are
// shared through PostgreSQL (token-store.ts); transient failures are retried
// with backoff; a refused token is replaced and the call repeated once.
//
// Built for WeCom as a corp set up today sees it (reference §7.5): the
// contact-sync secret only WRITES the directory (its reads answer 48009 from
// any IP added after 2022-08-15), members are read with the assistant app's
// token (status, never mobile or email), and every answer the product uses is
// parsed with a schema, so an unexpected answer is a clear error, not a wrong value.
import type { Logger } from "~/server/log";
import { unscopedClient, type TenantScope } from "~/server/scope";
import { z } from "zod";
import type { PrismaClient } from "~/generated/prisma/client";
import type { WecomConnection } from "./connection";
import { assertSchoolNotPaused, recordAuthFailure } from "./auth-pause";
import { isAllowedWecomBaseUrl } from "./base-url";
import { CREDENTIAL_ERRCODES, WecomApiError, WecomBaseUrlError, WecomResponseError, WecomTransportError } from "./errors";
import { accessToken, tokenCacheKey, type SecretKind } from "./token-store";
import { checkedMessage, textCard, textContent } from "./message-limits";

export type RetryPolicy = {
  /** Tries in all for a transient failure (1 = no retry). */
  attempts: number;
  /** First backoff; doubled each time, with jitter. */
  baseDelayMs: number;
  /** One HTTP call's time limit. */
  timeoutMs: number;
};

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 500, timeoutMs: 10_000 };

type WecomAnswer = { errcode?: number; errmsg?: string } & Record<string, unknown>;
type Call = { method: "GET" | "POST"; path: string; query?: Record<string, string | number>; body?: unknown; secret: SecretKind };

export type WecomUser = {
  userid: string;
  name: string;
  mobile?: string;
  email?: string;
  department: number[];
  /** One of `department` (reference §2.1). */
  main_department?: number;
  position?: string;
  enable?: 0 | 1;
  to_invite?: boolean;
};

/** What the assistant app's token reads of a member (§2.2): no mobile, email, gender, avatar or address. */
const userRead = z.object({
  userid: z.string().min(1),
  name: z.string().optional(),
  department: z.array(z.number().int()).optional(),
  status: z.union([z.literal(1), z.literal(2), z.literal(4), z.literal(5)]),
});
export type WecomUserRead = z.infer<typeof userRead>;

/** agent/get (official doc 90227): the app's visible range and whether it is switched off. */
const agentRead = z.object({
  agentid: z.number().int(),
  name: z.string(),
  close: z.number().int().optional(),
  allow_userinfos: z.object({ user: z.array(z.object({ userid: z.string() })) }).optional(),
  allow_partys: z.object({ partyid: z.array(z.number().int()) }).optional(),
  redirect_domain: z.string().optional(),
});
export type WecomAgent = {
  agentid: number;
  name: string;
  closed: boolean;
  visibleDepartments: number[];
  visibleUsers: string[];
  trustedDomain: string;
};

const listIdsRead = z.object({
  next_cursor: z.string().optional(),
  dept_user: z.array(z.object({ userid: z.string(), department: z.number().int() })).default([]),
});
const departmentIdsRead = z.object({
  department_id: z.array(z.object({ id: z.number().int(), parentid: z.number().int(), order: z.number().optional() })),
});
const createdDepartment = z.object({ id: z.number().int() });
const departmentRead = z.object({
  department: z.object({ id: z.number().int(), name: z.string(), parentid: z.number().int(), order: z.number().optional() }),
});
const userIdRead = z.object({ userid: z.string().min(1) });
const oauthIdentity = z.object({ userid: z.string().optional(), UserId: z.string().optional() });
const inviteRead = z.object({ invaliduser: z.array(z.string()).optional() });
const sendRead = z.object({ invaliduser: z.string().optional(), msgid: z.string().optional() });
const joinQrRead = z.object({ join_qrcode: z.string().url() });
/** auth/get_tfa_info (OFF 99499): who WeCom sent to the verification page, and the code that admits them. */
const tfaInfoRead = z.object({ userid: z.string().min(1), tfa_code: z.string().min(1) });
const tokenRead = z.object({ access_token: z.string().min(1), expires_in: z.number().int().positive().optional() });
const anyAnswer = z.object({});
/** Every answer is a JSON object with an optional errcode (absent = 0) and errmsg. */
const envelopeRead = z.looseObject({ errcode: z.number().int().optional(), errmsg: z.string().optional() });

/**
 * A userid that no school would use, for the write probe of 【测试连接】: a
 * user/update naming only a userid changes nothing even if it existed.
 */
export const WRITE_PROBE_USERID = "campus-onboarding-write-probe";

export type TextMessage = { touser: string[]; content: string };
export type TextCardMessage = { touser: string[]; title: string; description: string; url: string; btntxt?: string };
export type SendResult = { invaliduser: string[]; msgid: string };

export type WecomDepartment = { id: number; name: string; parentid: number; order?: number };
export type WecomDepartmentId = { id: number; parentid: number };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A successful answer in a shape the product does not know is an error, never a guessed value. */
function parseAnswer<T>(path: string, schema: z.ZodType<T>, answer: WecomAnswer): T {
  const parsed = schema.safeParse(answer);
  if (!parsed.success) throw new WecomResponseError(path, parsed.error.issues.map((i) => i.path.join(".") || "(root)").slice(0, 5));
  return parsed.data;
}

/** What a client is made with besides the school: the key that opens the cached tokens, and how it retries. */
export type WecomClientOptions = { encryptionKey: Buffer; retry?: RetryPolicy };

export class WecomClient {
  private readonly prisma: PrismaClient;
  private readonly encryptionKey: Buffer;
  private readonly retry: RetryPolicy;
  private readonly log: Logger;

  /**
   * The school's client, in its scope: the token store and the pause are the school's (read past the
   * tenant filter, token-store.ts), its log lines carry the scope's request or job. `connection`: the
   * school's, loaded by wecomClientFor (client-for.ts), which is how everything else makes one.
   */
  constructor(
    scope: TenantScope,
    private readonly connection: WecomConnection,
    options: WecomClientOptions,
  ) {
    if (connection.tenantId !== scope.tenant.id) throw new Error("A WeCom connection of another school.");
    this.prisma = unscopedClient(scope);
    this.encryptionKey = options.encryptionKey;
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.log = scope.log.child({ component: "wecom-client" });
  }

  // ── directory writes (contact-sync secret) ─────────────────────────────

  async createUser(user: WecomUser): Promise<void> {
    await this.call({ method: "POST", path: "user/create", body: user, secret: "contact" }, anyAnswer);
  }

  /**
   * Fields left out are left unchanged (reference §2). WeCom answers 0 but
   * IGNORES `mobile` for a member who has activated (§11.1): callers must not
   * take success for the number having changed.
   */
  async updateUser(user: Partial<WecomUser> & { userid: string }): Promise<void> {
    await this.call({ method: "POST", path: "user/update", body: user, secret: "contact" }, anyAnswer);
  }

  async deleteUser(userid: string): Promise<void> {
    await this.call({ method: "GET", path: "user/delete", query: { userid }, secret: "contact" }, anyAnswer);
  }

  /** The userid holding a mobile, or null (46004). Misses count against a daily budget: validate the number first. */
  async userIdByMobile(mobile: string): Promise<string | null> {
    try {
      return (await this.call({ method: "POST", path: "user/getuserid", body: { mobile }, secret: "contact" }, userIdRead)).userid;
    } catch (error) {
      if (error instanceof WecomApiError && error.errcode === 46004) return null;
      throw error;
    }
  }

  /** Second verification passed: admit the member (reference §3.3 A). */
  async authSucceeded(userid: string): Promise<void> {
    await this.call({ method: "GET", path: "user/authsucc", query: { userid }, secret: "contact" }, anyAnswer);
  }

  /**
   * The code WeCom put on the school's verification page (二次验证), redeemed once (5 minutes):
   * the member it is for, and the tfa_code that `tfaSucceeded` needs (reference §3.3 B).
   * 40029 for a used or stale code, 40208 for a member outside the verification scope.
   */
  async tfaInfo(code: string): Promise<{ userid: string; tfaCode: string }> {
    const answer = await this.call({ method: "POST", path: "auth/get_tfa_info", body: { code }, secret: "contact" }, tfaInfoRead);
    return { userid: answer.userid, tfaCode: answer.tfa_code };
  }

  /** The member passed the school's own verification: WeCom unlocks them (user/tfa_succ, reference §3.3 B). */
  async tfaSucceeded(userid: string, tfaCode: string): Promise<void> {
    await this.call({ method: "POST", path: "user/tfa_succ", body: { userid, tfa_code: tfaCode }, secret: "contact" }, anyAnswer);
  }

  async joinQrCode(sizeType: 1 | 2 | 3 | 4 = 3): Promise<string> {
    return (await this.call({ method: "GET", path: "corp/get_join_qrcode", query: { size_type: sizeType }, secret: "contact" }, joinQrRead))
      .join_qrcode;
  }

  async createDepartment(department: Omit<WecomDepartment, "id"> & { id?: number }): Promise<number> {
    return (await this.call({ method: "POST", path: "department/create", body: department, secret: "contact" }, createdDepartment)).id;
  }

  async updateDepartment(department: Partial<WecomDepartment> & { id: number }): Promise<void> {
    await this.call({ method: "POST", path: "department/update", body: department, secret: "contact" }, anyAnswer);
  }

  async deleteDepartment(id: number): Promise<void> {
    await this.call({ method: "GET", path: "department/delete", query: { id }, secret: "contact" }, anyAnswer);
  }

  /** One department with its name (department/get): not a detail read, allowed to the contact-sync secret (department/list is not). */
  async getDepartment(id: number): Promise<WecomDepartment> {
    return (await this.call({ method: "GET", path: "department/get", query: { id }, secret: "contact" }, departmentRead)).department;
  }

  /** Department ids and parents (department/simplelist): still allowed for the contact-sync secret, unlike department/list (48009). */
  async listDepartmentIds(id?: number): Promise<WecomDepartmentId[]> {
    const answer = await this.call(
      { method: "GET", path: "department/simplelist", query: id === undefined ? {} : { id }, secret: "contact" },
      departmentIdsRead,
    );
    return answer.department_id.map((d) => ({ id: d.id, parentid: d.parentid }));
  }

  /** One page of user/list_id with the contact-sync secret: userids only, allowed from any IP (48009 is for reads of details). */
  async listUserIds(
    options: { cursor?: string; limit?: number; secret?: SecretKind } = {},
  ): Promise<{ userids: string[]; nextCursor: string }> {
    const answer = await this.call(
      {
        method: "POST",
        path: "user/list_id",
        body: { cursor: options.cursor ?? "", limit: options.limit ?? 10_000 },
        secret: options.secret ?? "contact",
      },
      listIdsRead,
    );
    return { userids: [...new Set(answer.dept_user.map((u) => u.userid))], nextCursor: answer.next_cursor ?? "" };
  }

  /**
   * Whether the contact-sync secret may write (【测试连接】): a user/update that
   * names only a userid changes nothing. 60111 (no such member) means writes
   * are allowed; 48002 means sync is read-only (or off).
   */
  async probeContactWrite(): Promise<void> {
    try {
      await this.updateUser({ userid: WRITE_PROBE_USERID });
    } catch (error) {
      if (error instanceof WecomApiError && [60111, 46004, 40003].includes(error.errcode)) return;
      throw error;
    }
  }

  // ── the assistant app (app secret) ──────────────────────────────────────

  /**
   * A member as the assistant app sees it (status, no mobile): the only way
   * the product reads a member. 60011 / 60111 when the member is outside the
   * app's visible range or not in WeCom.
   */
  async getUser(userid: string): Promise<WecomUserRead> {
    return this.call({ method: "GET", path: "user/get", query: { userid }, secret: "app" }, userRead);
  }

  /** The members of a department (and its subtree) the app can see, with their status. */
  async listVisibleUsers(departmentId: number): Promise<WecomUserRead[]> {
    const answer = await this.call(
      { method: "GET", path: "user/list", query: { department_id: departmentId, fetch_child: 1 }, secret: "app" },
      z.object({ userlist: z.array(userRead) }),
    );
    return answer.userlist;
  }

  /** The assistant app itself: its visible range (who it can see and message) and whether it is switched off. */
  async getAgent(): Promise<WecomAgent> {
    const answer = await this.call(
      { method: "GET", path: "agent/get", query: { agentid: this.connection.agentId }, secret: "app" },
      agentRead,
    );
    return {
      agentid: answer.agentid,
      name: answer.name,
      closed: answer.close === 1,
      visibleDepartments: answer.allow_partys?.partyid ?? [],
      visibleUsers: (answer.allow_userinfos?.user ?? []).map((u) => u.userid),
      trustedDomain: answer.redirect_domain ?? "",
    };
  }

  /**
   * OAuth code → userid (reference §3.2); null for a WeChat user who is not a member. The
   * login verification page redeems its code with the contact-sync token (§3.3 A).
   */
  async userIdFromOAuthCode(code: string, secret: SecretKind = "app"): Promise<string | null> {
    const answer = await this.call({ method: "GET", path: "auth/getuserinfo", query: { code }, secret }, oauthIdentity);
    return answer.userid ?? answer.UserId ?? null;
  }

  async invite(userids: string[]): Promise<{ invaliduser: string[] }> {
    const answer = await this.call({ method: "POST", path: "batch/invite", body: { user: userids }, secret: "app" }, inviteRead);
    return { invaliduser: answer.invaliduser ?? [] };
  }

  async sendText(message: TextMessage): Promise<SendResult> {
    // WeCom cuts a text over 2048 bytes off silently (OFF 90236): refuse it before sending.
    const content = checkedMessage(textContent, message.content);
    return this.send({ msgtype: "text", text: { content } }, message.touser);
  }

  async sendTextCard(message: TextCardMessage): Promise<SendResult> {
    const { touser, ...card } = message;
    // Title over 128 bytes and description over 512 are truncated by WeCom: refuse them before sending.
    const textcard = checkedMessage(textCard, card);
    return this.send({ msgtype: "textcard", textcard }, touser);
  }

  private async send(payload: Record<string, unknown>, touser: string[]): Promise<SendResult> {
    const answer = await this.call(
      {
        method: "POST",
        path: "message/send",
        // A job that runs twice must not deliver twice: WeCom drops an identical request within the interval.
        body: {
          touser: touser.join("|"),
          agentid: this.connection.agentId,
          enable_duplicate_check: 1,
          duplicate_check_interval: 1800,
          ...payload,
        },
        secret: "app",
      },
      sendRead,
    );
    return { invaliduser: answer.invaliduser ? answer.invaliduser.split("|") : [], msgid: answer.msgid ?? "" };
  }

  /** Fetches a token with one secret (gettoken is never IP-restricted: 60020 shows only on a business call). */
  async checkToken(kind: SecretKind): Promise<void> {
    await this.token(kind);
  }

  /** Whether a contact-sync secret of its own is configured (else the app secret stands in for it). */
  /** Where this school's WeCom API lives (the real one or the simulator): images it links to must come from there. */
  get baseUrl(): string {
    return this.connection.baseUrl;
  }

  get hasContactSecret(): boolean {
    return this.connection.contactSecret !== this.connection.appSecret;
  }

  // ── transport ───────────────────────────────────────────────────────────

  private secretOf(kind: SecretKind): string {
    return kind === "contact" ? this.connection.contactSecret : this.connection.appSecret;
  }

  private token(kind: SecretKind, rejected?: string): Promise<string> {
    const secret = this.secretOf(kind);
    return accessToken({
      prisma: this.prisma,
      tenantId: this.connection.tenantId,
      cacheKey: tokenCacheKey(kind, this.connection.baseUrl, this.connection.corpId, secret),
      encryptionKey: this.encryptionKey,
      rejected,
      // Requests that waited on the lock while another was refused share its failure instead of asking again.
      beforeFetch: (tx) => assertSchoolNotPaused(tx, this.connection.tenantId),
      fetchToken: async () => {
        const answer = parseAnswer(
          "gettoken",
          tokenRead,
          await this.http({ method: "GET", path: "gettoken", query: { corpid: this.connection.corpId, corpsecret: secret } }),
        );
        return { accessToken: answer.access_token, expiresInSeconds: answer.expires_in ?? 7200 };
      },
      // A wrong secret is permanent: remember it rather than ask again (repeated tries get the IP blocked for an hour).
      rememberFailure: async (tx, error) =>
        error instanceof WecomApiError && CREDENTIAL_ERRCODES.includes(error.errcode)
          ? recordAuthFailure(tx, this.connection, `${kind}:${error.errcode}`)
          : null,
    });
  }

  private async call<T>(call: Call, schema: z.ZodType<T>): Promise<T> {
    let token = await this.token(call.secret);
    let answer: WecomAnswer;
    try {
      answer = await this.http({ ...call, query: { ...call.query, access_token: token } });
    } catch (error) {
      if (!(error instanceof WecomApiError && (error.kind === "token" || error.errcode === 40001))) throw error;
      // WeCom may end a token before its time (reference §1): replace it and repeat once.
      token = await this.token(call.secret, token);
      answer = await this.http({ ...call, query: { ...call.query, access_token: token } });
    }
    return parseAnswer(call.path, schema, answer);
  }

  /** One API call with retries for what retrying can fix: -1, 45009, 6000, timeouts, 5xx and network errors. */
  private async http(call: Omit<Call, "secret">): Promise<WecomAnswer> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.once(call);
      } catch (error) {
        const transient = error instanceof WecomTransportError || (error instanceof WecomApiError && error.kind === "transient");
        if (!transient || attempt >= this.retry.attempts) throw error;
        const backoff = this.retry.baseDelayMs * 2 ** (attempt - 1);
        await sleep(backoff / 2 + Math.random() * backoff);
      }
    }
  }

  private async once(call: Omit<Call, "secret">): Promise<WecomAnswer> {
    const started = performance.now();
    try {
      const answer = await this.request(call);
      this.log.debug({ api: call.path, durationMs: Math.round(performance.now() - started) }, "wecom call");
      return answer;
    } catch (error) {
      // The query holds access_token: never log it; the path and errcode say what happened.
      this.log.debug({ api: call.path, errcode: error instanceof WecomApiError ? error.errcode : null }, "wecom call failed");
      throw error;
    }
  }

  private async request(call: Omit<Call, "secret">): Promise<WecomAnswer> {
    // Checked at each use: the operator may have withdrawn the simulator since the connection was loaded.
    if (!isAllowedWecomBaseUrl(this.connection.baseUrl)) throw new WecomBaseUrlError("notAllowed");
    const url = new URL(`/cgi-bin/${call.path}`, this.connection.baseUrl);
    for (const [name, value] of Object.entries(call.query ?? {})) url.searchParams.set(name, String(value));
    let response: Response;
    try {
      response = await fetch(url, {
        method: call.method,
        headers: call.body === undefined ? undefined : { "content-type": "application/json" },
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        signal: AbortSignal.timeout(this.retry.timeoutMs),
        // Secrets and tokens ride in the query: a redirect would hand them to whoever it names.
        redirect: "manual",
      });
    } catch (error) {
      throw new WecomTransportError(call.path, error instanceof Error ? error.message : String(error));
    }
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel().catch(() => {});
      throw new WecomBaseUrlError("redirected");
    }
    if (response.status >= 500) throw new WecomTransportError(call.path, `HTTP ${response.status}`);
    let answer: unknown;
    try {
      answer = await response.json();
    } catch {
      throw new WecomTransportError(call.path, `HTTP ${response.status} with a body that is not JSON`);
    }
    const envelope = envelopeRead.safeParse(answer);
    if (!envelope.success) throw new WecomResponseError(call.path, ["(root)"]);
    const errcode = envelope.data.errcode ?? 0;
    if (errcode !== 0) throw new WecomApiError(errcode, envelope.data.errmsg ?? "", call.path);
    return envelope.data;
  }
}
