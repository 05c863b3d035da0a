// The CAS simulator's control API, JSON under /__sim/: schools and their users, the clock, the
// logs tests assert on (validations, single logouts), and fault toggles. This table is the
// documentation: GET /__sim lists it, and the dispatcher serves exactly it.
import { z } from "zod";
import { describeRoutes, type Route, RouteError, routeFor } from "../shared/routes";
import { SCHOOL_ID, type School, schoolInput } from "./config";
import type { CasSim } from "./context";
import { simNow } from "./context";
import { applyFaults, faultsInput, noFaults, VALIDATION_FAULTS } from "./faults";
import { PROTOCOL_ROUTES } from "./protocol-routes";
import { sloIdle } from "./slo";

const route = routeFor<CasSim>();

function requireSchool(sim: CasSim, id: string): School {
  const school = sim.schools.get(id);
  if (!school) throw new RouteError(404, "unknown_school", `no school ${id}`);
  return school;
}

/** Adds or replaces a school; its sessions and tickets end with the old configuration. */
export function putSchool(sim: CasSim, id: string, input: z.output<typeof schoolInput>): School {
  if (!SCHOOL_ID.test(id))
    throw new RouteError(400, "invalid_id", "a school id is 1–32 of a-z, 0-9 and -, starting with a letter or digit");
  if (input.id !== undefined && input.id !== id)
    throw new RouteError(400, "id_mismatch", `the body names school ${input.id}, the path ${id}`);
  const clash = [...sim.schools.values()].find((s) => s.id !== id && s.basePath === input.basePath);
  if (clash) throw new RouteError(409, "base_path_taken", `school ${clash.id} already serves ${input.basePath || "/"}`);
  const school: School = { ...input, id };
  sim.registry.forgetSchool(id);
  sim.schools.set(id, school);
  sim.save();
  return school;
}

const summary = (sim: CasSim, school: School) => ({
  id: school.id,
  basePath: school.basePath,
  title: school.title,
  attributeStyle: school.attributeStyle,
  loginUrl: `${school.basePath}/login`,
  users: school.users.length,
  sessions: [...sim.registry.sessions.values()].filter((s) => s.schoolId === school.id).length,
});

export const CONTROL_ROUTES: Route<CasSim>[] = [
  route({
    method: "GET",
    path: "/__sim",
    summary: "this list: the control routes, the CAS endpoints every school serves under its base path, and the schools",
    handler: (sim) => ({
      simulator: "cas",
      control: describeRoutes(CONTROL_ROUTES),
      protocol: describeRoutes(PROTOCOL_ROUTES, "{basePath}"),
      faults: VALIDATION_FAULTS,
      schools: [...sim.schools.values()].map((s) => summary(sim, s)),
    }),
  }),
  route({
    method: "POST",
    path: "/__sim/reset",
    summary: "forget every school, session, ticket, fault and log, and the clock offset",
    handler: (sim) => {
      sim.schools.clear();
      for (const map of [sim.registry.sessions, sim.registry.serviceTickets, sim.registry.loginTickets]) map.clear();
      sim.faults.clear();
      sim.slo.clear();
      sim.validations.clear();
      sim.clockOffsetMs = 0;
      sim.save();
      return { ok: true };
    },
  }),
  route({
    method: "GET",
    path: "/__sim/clock",
    summary: "the simulator's time",
    answer: "{now}",
    handler: (sim) => ({ now: simNow(sim) }),
  }),
  route({
    method: "POST",
    path: "/__sim/clock/advance",
    summary: "move the simulator's time forward: service tickets, login forms and SSO sessions expire as they would",
    body: z.strictObject({
      seconds: z
        .number()
        .min(0)
        .max(365 * 86_400),
    }),
    answer: "{now}",
    handler: (sim, { body }) => {
      sim.clockOffsetMs += Math.round(body.seconds * 1000);
      return { now: simNow(sim) };
    },
  }),
  route({
    method: "GET",
    path: "/__sim/schools",
    summary: "every school: id, base path, title, style, login path, counts",
    handler: (sim) => [...sim.schools.values()].map((s) => summary(sim, s)),
  }),
  route({
    method: "PUT",
    path: "/__sim/schools/:id",
    summary: "create or replace a school with its users (its sessions and tickets end); 409 when another school has the base path",
    body: schoolInput,
    answer: "the school as stored, defaults filled in",
    handler: (sim, { params, body }) => putSchool(sim, params.id ?? "", body),
  }),
  route({
    method: "GET",
    path: "/__sim/schools/:id",
    summary: "one school's whole configuration, users and passwords included (a test double)",
    handler: (sim, { params }) => requireSchool(sim, params.id ?? ""),
  }),
  route({
    method: "DELETE",
    path: "/__sim/schools/:id",
    summary: "remove a school, its sessions, tickets, faults and logs",
    handler: (sim, { params }) => {
      const school = requireSchool(sim, params.id ?? "");
      sim.schools.delete(school.id);
      sim.registry.forgetSchool(school.id);
      for (const map of [sim.faults, sim.slo, sim.validations]) map.delete(school.id);
      sim.save();
      return { ok: true };
    },
  }),
  route({
    method: "GET",
    path: "/__sim/schools/:id/sessions",
    summary: "the school's SSO sessions: account, remember-me, every ticket issued in it and for which service",
    handler: (sim, { params }) => {
      const school = requireSchool(sim, params.id ?? "");
      return [...sim.registry.sessions.values()]
        .filter((s) => s.schoolId === school.id)
        .map(({ account, createdAt, rememberMe, issued }) => ({ account, createdAt, rememberMe, issued }));
    },
  }),
  route({
    method: "POST",
    path: "/__sim/schools/:id/expire-tickets",
    summary: "expire every unvalidated service ticket of the school now (they then answer INVALID_TICKET)",
    answer: "{count}",
    handler: (sim, { params }) => ({ count: sim.registry.expireServiceTickets(requireSchool(sim, params.id ?? "").id, simNow(sim)) }),
  }),
  route({
    method: "GET",
    path: "/__sim/schools/:id/validations",
    summary: "every validation request the school answered: endpoint, service, ticket, renew, format, outcome, fault",
    handler: (sim, { params }) => sim.validations.get(requireSchool(sim, params.id ?? "").id) ?? [],
  }),
  route({
    method: "GET",
    path: "/__sim/schools/:id/slo",
    summary: "single logout POSTs sent: url, sessionIndex (the ticket), the service's HTTP status or error; ?wait=1 waits for answers",
    handler: async (sim, { params, req }) => {
      const school = requireSchool(sim, params.id ?? "");
      if (req.query.get("wait") === "1") await sloIdle();
      return sim.slo.get(school.id) ?? [];
    },
  }),
  route({
    method: "GET",
    path: "/__sim/schools/:id/faults",
    summary: "the school's fault toggles",
    handler: (sim, { params }) => sim.faults.get(requireSchool(sim, params.id ?? "").id) ?? noFaults(),
  }),
  route({
    method: "PUT",
    path: "/__sim/schools/:id/faults",
    summary:
      "replace validation answers (malformed XML, XXE, entity bomb, HTTP 500, …) for the next `count` validations, and/or delay them",
    body: faultsInput,
    handler: (sim, { params, body }) => {
      const school = requireSchool(sim, params.id ?? "");
      const faults = sim.faults.get(school.id) ?? noFaults();
      sim.faults.set(school.id, applyFaults(faults, body));
      return faults;
    },
  }),
  route({
    method: "DELETE",
    path: "/__sim/schools/:id/faults",
    summary: "clear the school's faults",
    handler: (sim, { params }) => {
      const school = requireSchool(sim, params.id ?? "");
      sim.faults.delete(school.id);
      return noFaults();
    },
  }),
];
