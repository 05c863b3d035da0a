// startCasSimulator: one HTTP server for several schools' CAS servers, each under its own base
// path (`/sues/authserver`, `/imut/cas`, or the root), plus the control API under /__sim.
import { z } from "zod";
import { escapeHtml, phonePage } from "../shared/html";
import { listen, sendHtml, sendJson } from "../shared/http";
import { dispatch } from "../shared/routes";
import { readJsonFile, writePrivateJson } from "../shared/state-file";
import { type School, schoolInput, type SchoolInput, schoolsInput } from "./config";
import { type CasSim, simNow } from "./context";
import { CONTROL_ROUTES, putSchool } from "./control-routes";
import { PROTOCOL_ROUTES } from "./protocol-routes";
import { sloIdle } from "./slo";
import { TicketRegistry } from "./tickets";

export type CasSimulatorOptions = {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  /** JSON file the schools are kept in across restarts (sessions and tickets are not); in memory only when omitted. */
  stateFile?: string;
  /** Schools to create at start when the state file has none (each as PUT /__sim/schools/:id takes it, with its id). */
  schools?: (SchoolInput & { id: string })[];
};

export type CasSimulator = { url: string; close: () => Promise<void> };

const stateFile = z.strictObject({ version: z.literal(1), schools: schoolsInput });

/** The school whose base path is the longest prefix of `path` on a segment boundary; a school at the root takes the rest. */
function schoolFor(sim: CasSim, path: string): School | null {
  let best: School | null = null;
  for (const school of sim.schools.values()) {
    const base = school.basePath;
    if (base !== "" && path !== base && !path.startsWith(`${base}/`)) continue;
    if (!best || base.length > best.basePath.length) best = school;
  }
  return best;
}

function indexPage(sim: CasSim): string {
  const items = [...sim.schools.values()]
    .map(
      (s) =>
        `<li><a href="${escapeHtml(`${s.basePath}/login`)}">${escapeHtml(s.title)}</a> <small>${escapeHtml(s.basePath || "/")}</small></li>`,
    )
    .join("");
  return phonePage(
    "CAS 模拟器",
    `<ul>${items || "<li>尚无学校（PUT /__sim/schools/:id）</li>"}</ul><p><small>控制接口：GET /__sim</small></p>`,
    "各校统一身份认证",
  );
}

export async function startCasSimulator(options: CasSimulatorOptions): Promise<CasSimulator> {
  const stored = readJsonFile(options.stateFile);
  const initial = stored === undefined ? { version: 1 as const, schools: [] } : stateFile.parse(stored);
  const sim: CasSim = {
    schools: new Map(),
    registry: new TicketRegistry(),
    faults: new Map(),
    slo: new Map(),
    validations: new Map(),
    clockOffsetMs: 0,
    save: () => {
      if (options.stateFile) writePrivateJson(options.stateFile, { version: 1, schools: [...sim.schools.values()] });
    },
  };
  for (const school of initial.schools) sim.schools.set(school.id, school);
  if (sim.schools.size === 0) for (const school of options.schools ?? []) putSchool(sim, school.id, schoolInput.parse(school));

  const { url, close } = await listen("cas-sim", { port: options.port, host: options.host, maxBody: 8 * 1024 * 1024 }, async (req, res) => {
    sim.registry.sweep(simNow(sim));
    if (req.path === "/__sim" || req.path.startsWith("/__sim/")) {
      if (!(await dispatch(CONTROL_ROUTES, sim, req, res))) sendJson(res, 404, { error: `no control route ${req.method} ${req.path}` });
      return;
    }
    const school = schoolFor(sim, req.path);
    if (school && (await dispatch(PROTOCOL_ROUTES, { sim, school }, req, res, { prefix: school.basePath }))) return;
    if (!school && req.path === "/" && req.method === "GET") sendHtml(res, 200, indexPage(sim));
    else sendHtml(res, 404, "<!doctype html><title>404 Not Found</title><h1>404 Not Found</h1>");
  });

  return {
    url,
    close: async () => {
      await sloIdle();
      await close();
    },
  };
}
