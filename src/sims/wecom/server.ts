// startWecomSimulator: one HTTP server for the WeCom API (/cgi-bin/…), the control API (/__sim/…)
// and the phone page (/, /wechat/…, /connect/oauth2/authorize, /wework_admin/genqrcode).
import { handleApi } from "./api-routes";
import { routeEvent } from "./callback-events";
import { CallbackDelivery } from "./callback-delivery";
import { now } from "./clock";
import type { Sim } from "./context";
import { handleControl } from "./control-routes";
import { applySeed } from "./corps";
import { noFaults } from "./faults";
import { listen, sendText } from "../shared/http";
import { sendDueInvitationNotices } from "./invitations";
import { handlePage } from "./pages";
import { DEFAULT_LIMITS, RateLimiter } from "./rate-limits";
import { loadState, saveState } from "./state";

export type WecomSimulatorOptions = {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  /** JSON file the state is kept in across restarts; in memory only when omitted. */
  stateFile?: string;
  /** Corps, apps, members and WeChat users to create at start (the body of POST /__sim/seed); skipped when the state file already has corps. */
  seed?: unknown;
  /** Origin the simulator's links use (join QR, OAuth); http://{host}:{port} by default. */
  publicUrl?: string;
};

export type WecomSimulator = { url: string; close: () => Promise<void> };

export async function startWecomSimulator(options: WecomSimulatorOptions): Promise<WecomSimulator> {
  const state = loadState(options.stateFile);
  const faults = noFaults();
  const delivery = new CallbackDelivery(faults);
  const sim: Sim = {
    state,
    baseUrl: options.publicUrl ?? "",
    limits: { ...DEFAULT_LIMITS },
    rate: new RateLimiter(),
    emit: (event) => routeEvent(state, delivery, event, now(state)),
  };
  const deps = { sim, faults, delivery };
  const save = () => saveState(options.stateFile, state);

  const { url, close } = await listen("wecom-sim", { port: options.port, host: options.host }, async (req, res) => {
    // Invitation notices fall due as the simulator's clock passes each day; any request looks.
    sendDueInvitationNotices(sim);
    const control = req.path === "/__sim" || req.path.startsWith("/__sim/");
    if (req.path.startsWith("/cgi-bin/")) await handleApi(sim, faults, req, res);
    else if (control) await handleControl(deps, req, res);
    else if (!handlePage(sim, req, res)) sendText(res, 404, "not found");
    if (req.method !== "GET" || !control) save();
  });
  sim.baseUrl = options.publicUrl ?? url;
  if (options.seed !== undefined && state.corps.length === 0) {
    applySeed(sim, options.seed);
    save();
  }

  return {
    url,
    close: async () => {
      await close();
      save();
    },
  };
}
