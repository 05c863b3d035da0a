// Departments (reference §6): create / update / delete / list / simplelist / get with WeCom's
// rules. The root department is 1, named after the corp, and cannot be deleted.
import { z } from "zod";
import type { XmlField } from "./callback-crypto";
import type { Origin, Sim } from "./context";
import { wecomError } from "./errors";
import type { Corp, Department } from "./state";
import type { Caller } from "./tokens";
import { isDepartmentVisible, isInSubtree } from "./visibility";

const MAX_DEPTH = 15;
const MAX_DEPARTMENTS = 30_000;
const UINT32 = 2 ** 32;

const int = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^-?\d+$/)
    .transform(Number),
]);

export const createDepartmentInput = z.looseObject({
  name: z.string().optional(),
  name_en: z.string().optional(),
  parentid: int.optional(),
  order: int.optional(),
  id: int.optional(),
});

export const updateDepartmentInput = createDepartmentInput;

function checkName(name: string | undefined, field: "name" | "name_en"): void {
  if (name === undefined) return;
  const length = [...name].length;
  if (length < 1 || length > 64) throw wecomError(60001, `${field} must be 1-64 characters`);
  if (/[\\:*?"<>|]/.test(name)) throw wecomError(60009);
}

function depth(corp: Corp, id: number): number {
  let d = 1;
  let current = corp.departments.find((x) => x.id === id);
  while (current && current.id !== 1 && d <= MAX_DEPTH + 1) {
    const parentId: number = current.parentid;
    current = corp.departments.find((x) => x.id === parentId);
    d++;
  }
  return d;
}

function checkSiblingName(corp: Corp, parentid: number, name: string, selfId?: number): void {
  if (corp.departments.some((d) => d.parentid === parentid && d.id !== selfId && d.id !== 1 && d.name === name)) {
    throw wecomError(60008, "a sibling department has this name");
  }
}

export const partyFields = (d: Department): XmlField[] => [
  ["Id", d.id],
  ["Name", d.name],
  ["ParentId", d.parentid],
  ["Order", d.order],
];
const restrictedPartyFields = (d: Department): XmlField[] => [
  ["Id", d.id],
  ["ParentId", d.parentid],
];

export function createDepartment(sim: Sim, corp: Corp, body: unknown, origin: Origin): { id: number } {
  const parsed = createDepartmentInput.safeParse(body);
  if (!parsed.success) throw wecomError(40058);
  const input = parsed.data;
  if (input.name === undefined || input.name === "") throw wecomError(60001, "name is required");
  checkName(input.name, "name");
  checkName(input.name_en, "name_en");
  if (input.parentid === undefined) throw wecomError(60124, "parentid is required");
  if (!corp.departments.some((d) => d.id === input.parentid)) throw wecomError(60004);
  if (input.order !== undefined && (input.order < 0 || input.order >= UINT32)) throw wecomError(40058, "order out of range");
  if (input.id !== undefined) {
    if (input.id <= 1 || input.id >= 2 ** 31) throw wecomError(60123, "id must be greater than 1");
    if (corp.departments.some((d) => d.id === input.id)) throw wecomError(60008, "department id exists");
  }
  checkSiblingName(corp, input.parentid, input.name);
  if (depth(corp, input.parentid) + 1 > MAX_DEPTH) throw wecomError(81002);
  if (corp.departments.length >= MAX_DEPARTMENTS) throw wecomError(81001);
  const id = input.id ?? Math.max(1, ...corp.departments.map((d) => d.id)) + 1;
  const dept: Department = { id, name: input.name, name_en: input.name_en ?? null, parentid: input.parentid, order: input.order ?? 0 };
  corp.departments.push(dept);
  sim.emit({
    kind: "change_contact",
    corpid: corp.corpid,
    changeType: "create_party",
    fields: partyFields(dept),
    restrictedFields: restrictedPartyFields(dept),
    origin,
  });
  return { id };
}

export function updateDepartment(sim: Sim, corp: Corp, body: unknown, origin: Origin): void {
  const parsed = updateDepartmentInput.safeParse(body);
  if (!parsed.success) throw wecomError(40058);
  const input = parsed.data;
  if (input.id === undefined) throw wecomError(60123, "id is required");
  const dept = corp.departments.find((d) => d.id === input.id);
  if (!dept) throw wecomError(60003);
  checkName(input.name, "name");
  checkName(input.name_en, "name_en");
  const parentid = input.parentid ?? dept.parentid;
  if (input.parentid !== undefined && dept.id !== 1) {
    if (!corp.departments.some((d) => d.id === input.parentid)) throw wecomError(60004);
    if (isInSubtree(corp, input.parentid, dept.id)) throw wecomError(60010);
  }
  if (input.order !== undefined && (input.order < 0 || input.order >= UINT32)) throw wecomError(40058, "order out of range");
  checkSiblingName(corp, parentid, input.name ?? dept.name, dept.id);
  const parentChanged = dept.id !== 1 && parentid !== dept.parentid;
  if (input.name !== undefined) dept.name = input.name;
  if (input.name_en !== undefined) dept.name_en = input.name_en;
  if (input.order !== undefined) dept.order = input.order;
  if (dept.id !== 1) dept.parentid = parentid;
  // A post-2022-08-15 callback hears of update_party only when the parent changed.
  sim.emit({
    kind: "change_contact",
    corpid: corp.corpid,
    changeType: "update_party",
    fields: partyFields(dept),
    restrictedFields: parentChanged ? restrictedPartyFields(dept) : null,
    origin,
  });
}

export function deleteDepartment(sim: Sim, corp: Corp, id: number | undefined, origin: Origin): void {
  if (id === undefined || Number.isNaN(id)) throw wecomError(60123, "id is required");
  const dept = corp.departments.find((d) => d.id === id);
  if (!dept) throw wecomError(60003);
  if (dept.id === 1) throw wecomError(60007);
  if (corp.departments.some((d) => d.parentid === id && d.id !== id)) throw wecomError(60006);
  if (corp.members.some((m) => m.department.includes(id))) throw wecomError(60005);
  corp.departments = corp.departments.filter((d) => d !== dept);
  sim.emit({
    kind: "change_contact",
    corpid: corp.corpid,
    changeType: "delete_party",
    fields: [["Id", id]],
    restrictedFields: [["Id", id]],
    origin,
  });
}

/** The departments a caller may see under `id` (all when omitted): an app sees its visible subtrees. */
function visibleDepartments(caller: Caller, id: number | undefined): Department[] {
  const { corp, app } = caller;
  if (id !== undefined && !corp.departments.some((d) => d.id === id)) throw wecomError(60003);
  if (id !== undefined && app && !isDepartmentVisible(corp, app, id)) throw wecomError(60011);
  return corp.departments
    .filter((d) => (id === undefined ? true : isInSubtree(corp, d.id, id)))
    .filter((d) => !app || isDepartmentVisible(corp, app, d.id))
    .sort((a, b) => a.parentid - b.parentid || b.order - a.order || a.id - b.id);
}

const departmentView = (d: Department) => ({
  id: d.id,
  name: d.name,
  ...(d.name_en ? { name_en: d.name_en } : {}),
  department_leader: [] as string[],
  parentid: d.id === 1 ? 0 : d.parentid,
  order: d.order,
});

export function listDepartments(caller: Caller, id: number | undefined) {
  return { department: visibleDepartments(caller, id).map(departmentView) };
}

export function simpleListDepartments(caller: Caller, id: number | undefined) {
  return {
    department_id: visibleDepartments(caller, id).map((d) => ({ id: d.id, parentid: d.id === 1 ? 0 : d.parentid, order: d.order })),
  };
}

export function getDepartment(caller: Caller, id: number | undefined) {
  if (id === undefined || Number.isNaN(id)) throw wecomError(60123, "id is required");
  const dept = visibleDepartments(caller, id).find((d) => d.id === id);
  if (!dept) throw wecomError(60003);
  return { department: departmentView(dept) };
}

export function parseDepartmentId(raw: string | null): number | undefined {
  if (raw === null || raw === "") return undefined;
  if (!/^\d+$/.test(raw)) throw wecomError(60123);
  return Number(raw);
}
