// The WeCom server API client (reference §0–§6). Its base URL is configuration:
// the real https://qyapi.weixin.qq.com or the bundled simulator. Tokens are
// shared through PostgreSQL (token-store.ts); transient failures are retried
// with backoff; a refused token is replaced and the call repeated once.
import type { PrismaClient } from "~/generated/prisma/client";
import type { WecomConnection } from "./connection";
import { assertSchoolNotPaused, recordAuthFailure } from "./auth-pause";
import { isAllowedWecomBaseUrl } from "./base-url";
import { CREDENTIAL_ERRCODES, WecomApiError, WecomBaseUrlError, WecomTransportError } from "./errors";
import { accessToken, tokenCacheKey, type SecretKind } from "./token-store";

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
  position?: string;
  enable?: 0 | 1;
  to_invite?: boolean;
};

export type WecomUserRead = WecomUser & { status: 1 | 2 | 4 | 5 };

export type TextMessage = { touser: string[]; content: string };
export type TextCardMessage = { touser: string[]; title: string; description: string; url: string; btntxt?: string };
export type SendResult = { invaliduser: string[]; msgid: string };

export type WecomDepartment = { id: number; name: string; parentid: number; order?: number };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class WecomClient {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly connection: WecomConnection,
    private readonly encryptionKey: Buffer,
    private readonly retry: RetryPolicy = DEFAULT_RETRY,
  ) {}

  // ── directory (contact-sync secret) ─────────────────────────────────────

  async createUser(user: WecomUser): Promise<void> {
    await this.call({ method: "POST", path: "user/create", body: user, secret: "contact" });
  }

  async getUser(userid: string): Promise<WecomUserRead> {
    return (await this.call({ method: "GET", path: "user/get", query: { userid }, secret: "contact" })) as unknown as WecomUserRead;
  }

  /** Fields left out are left unchanged (reference §2). */
  async updateUser(user: Partial<WecomUser> & { userid: string }): Promise<void> {
    await this.call({ method: "POST", path: "user/update", body: user, secret: "contact" });
  }

  async deleteUser(userid: string): Promise<void> {
    await this.call({ method: "GET", path: "user/delete", query: { userid }, secret: "contact" });
  }

  /** The userid holding a mobile, or null (46004). Misses count against a daily budget: validate the number first. */
  async userIdByMobile(mobile: string): Promise<string | null> {
    try {
      const answer = await this.call({ method: "POST", path: "user/getuserid", body: { mobile }, secret: "contact" });
      return answer.userid as string;
    } catch (error) {
      if (error instanceof WecomApiError && error.errcode === 46004) return null;
      throw error;
    }
  }

  /** Second verification passed: admit the member (reference §3.3 A). */
  async authSucceeded(userid: string): Promise<void> {
    await this.call({ method: "GET", path: "user/authsucc", query: { userid }, secret: "contact" });
  }

  async joinQrCode(sizeType: 1 | 2 | 3 | 4 = 3): Promise<string> {
    const answer = await this.call({ method: "GET", path: "corp/get_join_qrcode", query: { size_type: sizeType }, secret: "contact" });
    return answer.join_qrcode as string;
  }

  async createDepartment(department: Omit<WecomDepartment, "id"> & { id?: number }): Promise<number> {
    const answer = await this.call({ method: "POST", path: "department/create", body: department, secret: "contact" });
    return answer.id as number;
  }

  async updateDepartment(department: Partial<WecomDepartment> & { id: number }): Promise<void> {
    await this.call({ method: "POST", path: "department/update", body: department, secret: "contact" });
  }

  async deleteDepartment(id: number): Promise<void> {
    await this.call({ method: "GET", path: "department/delete", query: { id }, secret: "contact" });
  }

  async listDepartments(id?: number): Promise<WecomDepartment[]> {
    const answer = await this.call({ method: "GET", path: "department/list", query: id === undefined ? {} : { id }, secret: "contact" });
    return answer.department as WecomDepartment[];
  }

  // ── the assistant app (app secret) ──────────────────────────────────────

  /** OAuth code → userid (reference §3.2); null for a WeChat user who is not a member. */
  async userIdFromOAuthCode(code: string): Promise<string | null> {
    const answer = await this.call({ method: "GET", path: "auth/getuserinfo", query: { code }, secret: "app" });
    return (answer.userid as string | undefined) ?? (answer.UserId as string | undefined) ?? null;
  }

  async invite(userids: string[]): Promise<{ invaliduser: string[] }> {
    const answer = await this.call({ method: "POST", path: "batch/invite", body: { user: userids }, secret: "app" });
    return { invaliduser: (answer.invaliduser as string[] | undefined) ?? [] };
  }

  async sendText(message: TextMessage): Promise<SendResult> {
    return this.send({ msgtype: "text", text: { content: message.content } }, message.touser);
  }

  async sendTextCard(message: TextCardMessage): Promise<SendResult> {
    const { touser, ...textcard } = message;
    return this.send({ msgtype: "textcard", textcard }, touser);
  }

  private async send(payload: Record<string, unknown>, touser: string[]): Promise<SendResult> {
    const answer = await this.call({
      method: "POST",
      path: "message/send",
      // A job that runs twice must not deliver twice: WeCom drops an identical request within the interval.
      body: { touser: touser.join("|"), agentid: this.connection.agentId, enable_duplicate_check: 1, duplicate_check_interval: 1800, ...payload },
      secret: "app",
    });
    const invalid = typeof answer.invaliduser === "string" && answer.invaliduser ? answer.invaliduser.split("|") : [];
    return { invaliduser: invalid, msgid: (answer.msgid as string | undefined) ?? "" };
  }

  /** Fetches a token with each configured secret: the 【测试连接】 of the settings page. */
  async testConnection(): Promise<void> {
    await this.token("app");
    if (this.connection.contactSecret !== this.connection.appSecret) await this.token("contact");
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
        const answer = await this.http({ method: "GET", path: "gettoken", query: { corpid: this.connection.corpId, corpsecret: secret } });
        return { accessToken: answer.access_token as string, expiresInSeconds: Number(answer.expires_in ?? 7200) };
      },
      // A wrong secret is permanent: remember it rather than ask again (repeated tries get the IP blocked for an hour).
      rememberFailure: async (tx, error) =>
        error instanceof WecomApiError && CREDENTIAL_ERRCODES.includes(error.errcode)
          ? recordAuthFailure(tx, this.connection, `${kind}:${error.errcode}`)
          : null,
    });
  }

  private async call(call: Call): Promise<WecomAnswer> {
    let token = await this.token(call.secret);
    try {
      return await this.http({ ...call, query: { ...call.query, access_token: token } });
    } catch (error) {
      if (!(error instanceof WecomApiError && (error.kind === "token" || error.errcode === 40001))) throw error;
      // WeCom may end a token before its time (reference §1): replace it and repeat once.
      token = await this.token(call.secret, token);
      return this.http({ ...call, query: { ...call.query, access_token: token } });
    }
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
    let answer: WecomAnswer;
    try {
      answer = (await response.json()) as WecomAnswer;
    } catch {
      throw new WecomTransportError(call.path, `HTTP ${response.status} with a body that is not JSON`);
    }
    const errcode = answer.errcode ?? 0;
    if (errcode !== 0) throw new WecomApiError(errcode, answer.errmsg ?? "", call.path);
    return answer;
  }
}
