// What the hall's pages read: 我的服务, one service's form, 发出的事项, 收到的事项 (待办/已办 with
// counts) and one application as its applicant or one of its approvers may see it. Every read is
// the signed-in member's own, through the tenant-bound client.
import type { ApplicationEventKind, ApplicationState } from "~/generated/prisma/client";
import { signedInMemberId } from "~/server/bindings/bind-phone";
import { AppError } from "~/server/errors";
import type { TenantScope } from "~/server/scope";
import { definitionOf } from "./applications";
import type { ServiceDefinition } from "./definition";
import { mayApply } from "./eligibility";

export type HallService = {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  icon: string;
};

export type HallHome = {
  kind: { code: string; nameZh: string; nameEn: string };
  services: HallService[];
  /** Why the list is empty: no service admits the member's identity kind (a 考生), or none is open to them. */
  empty: null | "kind" | "none";
  /** The school runs a service hall at all (an approver who may apply for nothing still has 收到的事项). */
  open: boolean;
};

const serviceSelect = {
  id: true,
  code: true,
  nameZh: true,
  nameEn: true,
  descriptionZh: true,
  descriptionEn: true,
  icon: true,
  active: true,
  identityKinds: true,
  departmentPrefixes: true,
} as const;

async function memberOf(scope: TenantScope) {
  const member = await scope.db.member.findUnique({
    where: { id: signedInMemberId(scope) },
    select: { id: true, department: true, identityKind: { select: { code: true, nameZh: true, nameEn: true } } },
  });
  if (!member) throw new AppError("UNAUTHENTICATED");
  return member;
}

const publicService = ({ id, code, nameZh, nameEn, descriptionZh, descriptionEn, icon }: HallService): HallService => ({
  id,
  code,
  nameZh,
  nameEn,
  descriptionZh,
  descriptionEn,
  icon,
});

/** 我的服务: the active services the member may apply for, in the school's order. */
export async function hallHome(scope: TenantScope): Promise<HallHome> {
  const member = await memberOf(scope);
  const active = await scope.db.service.findMany({
    where: { active: true, versions: { some: {} } },
    select: serviceSelect,
    orderBy: [{ sortOrder: "asc" }, { nameZh: "asc" }],
  });
  const applicant = { identityKindCode: member.identityKind.code, department: member.department };
  const services = active.filter((s) => mayApply(s, applicant)).map(publicService);
  const anyForKind = active.some((s) => s.identityKinds.includes(member.identityKind.code));
  return {
    kind: member.identityKind,
    services,
    empty: services.length > 0 ? null : anyForKind ? "none" : "kind",
    open: active.length > 0,
  };
}

export type ServiceForm = { service: HallService; definition: ServiceDefinition };

/** A service's form (its newest version), for a member who may apply. */
export async function serviceForm(scope: TenantScope, serviceId: string): Promise<ServiceForm> {
  const member = await memberOf(scope);
  const service = await scope.db.service.findUnique({
    where: { id: serviceId },
    select: { ...serviceSelect, versions: { orderBy: { number: "desc" }, take: 1, select: { fields: true, steps: true } } },
  });
  if (!service || !service.active || !service.versions[0]) throw new AppError("HALL_SERVICE_NOT_FOUND");
  if (!mayApply(service, { identityKindCode: member.identityKind.code, department: member.department })) {
    throw new AppError("HALL_NOT_ELIGIBLE");
  }
  return { service: publicService(service), definition: definitionOf(service.versions[0]) };
}

export type ApplicationRow = {
  id: string;
  serviceNameZh: string;
  serviceNameEn: string;
  state: ApplicationState;
  step: number;
  stepNameZh: string;
  stepNameEn: string;
  steps: number;
  applicantName: string;
  submittedAt: Date | null;
  updatedAt: Date;
};

const rowSelect = {
  id: true,
  state: true,
  step: true,
  submittedAt: true,
  updatedAt: true,
  service: { select: { nameZh: true, nameEn: true } },
  serviceVersion: { select: { fields: true, steps: true } },
  applicant: { select: { name: true } },
} as const;

type RowSource = {
  id: string;
  state: ApplicationState;
  step: number;
  submittedAt: Date | null;
  updatedAt: Date;
  service: { nameZh: string; nameEn: string };
  serviceVersion: { fields: unknown; steps: unknown };
  applicant: { name: string };
};

function rowOf(a: RowSource): ApplicationRow {
  const { steps } = definitionOf(a.serviceVersion);
  const step = steps[a.step] ?? steps[0]!;
  return {
    id: a.id,
    serviceNameZh: a.service.nameZh,
    serviceNameEn: a.service.nameEn,
    state: a.state,
    step: a.step,
    stepNameZh: step.nameZh,
    stepNameEn: step.nameEn,
    steps: steps.length,
    applicantName: a.applicant.name,
    submittedAt: a.submittedAt,
    updatedAt: a.updatedAt,
  };
}

/** 发出的事项: the member's applications, newest change first. */
export async function sentApplications(scope: TenantScope): Promise<ApplicationRow[]> {
  const rows = await scope.db.application.findMany({
    where: { applicantId: signedInMemberId(scope) },
    select: rowSelect,
    orderBy: { updatedAt: "desc" },
    take: 100,
  });
  return rows.map(rowOf);
}

export type Inbox = { counts: { todo: number; done: number }; todo: ApplicationRow[]; done: ApplicationRow[] };

/** 收到的事项: 待办 (the steps waiting for the member) and 已办 (the ones they decided), with counts. */
export async function receivedApplications(scope: TenantScope): Promise<Inbox> {
  const memberId = signedInMemberId(scope);
  const open = { memberId, closedAt: null };
  const decided = { memberId, decidedAt: { not: null } };
  const [todoCount, doneCount, todo, done] = await Promise.all([
    scope.db.applicationTask.count({ where: open }),
    scope.db.applicationTask.count({ where: decided }),
    scope.db.applicationTask.findMany({
      where: open,
      select: { application: { select: rowSelect } },
      orderBy: { createdAt: "asc" },
      take: 100,
    }),
    scope.db.applicationTask.findMany({
      where: decided,
      select: { application: { select: rowSelect } },
      orderBy: { decidedAt: "desc" },
      take: 100,
    }),
  ]);
  return {
    counts: { todo: todoCount, done: doneCount },
    todo: todo.map((t) => rowOf(t.application)),
    done: done.map((t) => rowOf(t.application)),
  };
}

export type ApplicationView = ApplicationRow & {
  version: number;
  values: Record<string, unknown>;
  definition: ServiceDefinition;
  serviceId: string;
  applicantAccount: string;
  applicantDepartment: string;
  events: { kind: ApplicationEventKind; step: number | null; actorName: string; comment: string; at: Date }[];
  /** What the viewer may do now. */
  may: { withdraw: boolean; edit: boolean; decide: boolean };
  viewer: "applicant" | "approver";
};

/** One application, for its applicant or a member who was given one of its steps; anyone else: not found. */
export async function applicationView(scope: TenantScope, applicationId: string): Promise<ApplicationView> {
  const memberId = signedInMemberId(scope);
  const app = await scope.db.application.findUnique({
    where: { id: applicationId },
    select: {
      ...rowSelect,
      version: true,
      values: true,
      actedOn: true,
      serviceId: true,
      applicantId: true,
      applicant: { select: { name: true, account: true, department: true } },
      tasks: { where: { memberId }, select: { step: true, closedAt: true } },
      events: {
        orderBy: { createdAt: "asc" },
        select: { kind: true, step: true, comment: true, createdAt: true, actor: { select: { name: true } } },
      },
    },
  });
  const applicant = app?.applicantId === memberId;
  if (!app || (!applicant && app.tasks.length === 0)) throw new AppError("HALL_APPLICATION_NOT_FOUND");
  const openTask = app.tasks.some((t) => t.closedAt === null && t.step === app.step);
  return {
    ...rowOf(app),
    version: app.version,
    values: (app.values ?? {}) as Record<string, unknown>,
    definition: definitionOf(app.serviceVersion),
    serviceId: app.serviceId,
    applicantAccount: app.applicant.account,
    applicantDepartment: app.applicant.department,
    events: app.events.map((e) => ({ kind: e.kind, step: e.step, actorName: e.actor.name, comment: e.comment, at: e.createdAt })),
    may: {
      withdraw: applicant && ((app.state === "SUBMITTED" && !app.actedOn) || app.state === "RETURNED"),
      edit: applicant && (app.state === "DRAFT" || app.state === "RETURNED"),
      decide: app.state === "SUBMITTED" && openTask,
    },
    viewer: applicant ? "applicant" : "approver",
  };
}
