// A service's definition (ServiceVersion.fields and .steps): the form's fields and the approval
// chain, each validated here before a version is written, and read back through the same schemas.
// `valuesSchema` builds, from a version's fields, the one zod schema the form's values must pass —
// on the server (applications.ts) and in any client that wants to check before posting — so the
// browser and the server never disagree on what a form accepts.
//
// No server-only import: this file is shared with client code.
import { z } from "zod";

/** The hall's icon set: the keys a service may name (the pages draw them). */
export const SERVICE_ICONS = ["form", "website", "network", "card", "book", "building", "mail", "certificate"] as const;
export type ServiceIcon = (typeof SERVICE_ICONS)[number];

const fieldKey = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/);
const label = { labelZh: z.string().trim().min(1).max(60), labelEn: z.string().trim().max(120).default("") };
const help = { helpZh: z.string().trim().max(200).default(""), helpEn: z.string().trim().max(400).default("") };
const base = { key: fieldKey, ...label, ...help, required: z.boolean().default(false) };

const choiceOption = z.object({
  value: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/),
  labelZh: z.string().trim().min(1).max(60),
  labelEn: z.string().trim().max(120).default(""),
});
const options = z
  .array(choiceOption)
  .min(2)
  .max(30)
  .refine((list) => new Set(list.map((o) => o.value)).size === list.length, { message: "option values must differ" });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const fieldDefinition = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("text"), ...base, maxLength: z.number().int().min(1).max(200).default(100) }),
  z.object({ kind: z.literal("longText"), ...base, maxLength: z.number().int().min(1).max(5000).default(1000) }),
  z.object({
    kind: z.literal("number"),
    ...base,
    min: z.number().optional(),
    max: z.number().optional(),
    integer: z.boolean().default(false),
  }),
  z.object({ kind: z.literal("date"), ...base, min: isoDate.optional(), max: isoDate.optional() }),
  z.object({ kind: z.literal("choice"), ...base, options }),
  z.object({
    kind: z.literal("multiChoice"),
    ...base,
    options,
    maxSelected: z.number().int().min(1).max(30).optional(),
  }),
  // Attachments are defined here so a version can carry them; uploads are not built yet, so such a
  // field cannot be required (its value is ignored until then).
  z.object({
    kind: z.literal("attachment"),
    ...base,
    required: z.literal(false).default(false),
    maxBytes: z
      .number()
      .int()
      .min(1)
      .max(20 * 1024 * 1024)
      .default(5 * 1024 * 1024),
    types: z
      .array(z.enum(["pdf", "png", "jpeg", "docx", "xlsx"]))
      .min(1)
      .default(["pdf", "png", "jpeg"]),
  }),
]);
export type FieldDefinition = z.infer<typeof fieldDefinition>;

export const formDefinition = z
  .array(fieldDefinition)
  .min(1)
  .max(50)
  .refine((fields) => new Set(fields.map((f) => f.key)).size === fields.length, { message: "field keys must differ" });

/**
 * Who decides a step: named members (any one of them decides), the holders of a role in the
 * applicant's department (the nearest department up the path that has one, e.g. the class's
 * 辅导员), or any one member of an approver group.
 */
export const stepAssignment = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("members"), memberIds: z.array(z.string().uuid()).min(1).max(20) }),
  z.object({
    kind: z.literal("departmentRole"),
    role: z
      .string()
      .regex(/^[a-z][a-z0-9_]*$/)
      .max(32),
  }),
  z.object({ kind: z.literal("group"), groupId: z.string().uuid() }),
]);

export const approvalStep = z.object({
  nameZh: z.string().trim().min(1).max(40),
  nameEn: z.string().trim().max(80).default(""),
  assign: stepAssignment,
});
export type ApprovalStep = z.infer<typeof approvalStep>;

export const approvalChain = z.array(approvalStep).min(1).max(10);

/** A version's definition as stored. */
export const serviceDefinition = z.object({ fields: formDefinition, steps: approvalChain });
export type ServiceDefinition = z.infer<typeof serviceDefinition>;

/** What a field's value may be once it passed the schema. */
export type FieldValue = string | number | string[];
export type FormValues = Record<string, FieldValue>;

/** The zod issue's message key: the page words it in the member's language (servicehall messages "hall.invalid.*"). */
export type FieldProblem =
  "required" | "tooLong" | "notNumber" | "notInteger" | "tooSmall" | "tooLarge" | "badDate" | "badChoice" | "tooMany";

const problem = (p: FieldProblem) => ({ message: p });

/** An empty string or a list of none is "not given", as a blank input of a plain HTML form posts it. */
const blankToUndefined = (value: unknown) =>
  value === "" || value === null || (Array.isArray(value) && value.length === 0) ? undefined : value;

const isRealDate = (text: string) => {
  const at = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === text;
};

function valueSchema(field: FieldDefinition): z.ZodType<FieldValue | undefined> {
  switch (field.kind) {
    case "text":
    case "longText":
      return z.string().trim().max(field.maxLength, problem("tooLong")).optional();
    case "number": {
      let n = z.coerce.number(problem("notNumber")).refine(Number.isFinite, problem("notNumber"));
      if (field.integer) n = n.refine(Number.isInteger, problem("notInteger"));
      if (field.min !== undefined) n = n.refine((v) => v >= field.min!, problem("tooSmall"));
      if (field.max !== undefined) n = n.refine((v) => v <= field.max!, problem("tooLarge"));
      return n.optional();
    }
    case "date":
      return z
        .string()
        .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && isRealDate(v), problem("badDate"))
        .refine((v) => field.min === undefined || v >= field.min, problem("tooSmall"))
        .refine((v) => field.max === undefined || v <= field.max, problem("tooLarge"))
        .optional();
    case "choice": {
      const allowed = new Set(field.options.map((o) => o.value));
      return z
        .string()
        .refine((v) => allowed.has(v), problem("badChoice"))
        .optional();
    }
    case "multiChoice": {
      const allowed = new Set(field.options.map((o) => o.value));
      return z
        .preprocess(
          (v) => (typeof v === "string" ? [v] : v),
          z
            .array(z.string().refine((v) => allowed.has(v), problem("badChoice")))
            .refine((list) => new Set(list).size === list.length, problem("badChoice"))
            .refine((list) => field.maxSelected === undefined || list.length <= field.maxSelected, problem("tooMany")),
        )
        .optional();
    }
    case "attachment":
      // Not fillable yet (see fieldDefinition): whatever arrives is dropped.
      return z.any().transform(() => undefined);
  }
}

/**
 * The form's values for a version's fields: every field's type and limits, and, unless `draft`
 * (a draft is saved incomplete), each required field given. Unknown keys are dropped.
 */
export function valuesSchema(fields: readonly FieldDefinition[], options: { draft?: boolean } = {}) {
  const shape: Record<string, z.ZodType> = {};
  for (const field of fields) {
    const value = valueSchema(field);
    const checked =
      field.required && !options.draft
        ? value.refine((v) => v !== undefined && v !== "", problem("required"))
        : value.transform((v) => (v === "" ? undefined : v));
    shape[field.key] = z.preprocess(blankToUndefined, checked);
  }
  // Every field's key present (a missing one as undefined), so a required field left out is caught too.
  const everyKey = (raw: unknown) => ({
    ...Object.fromEntries(fields.map((f) => [f.key, undefined])),
    ...(raw !== null && typeof raw === "object" ? raw : {}),
  });
  return z.preprocess(everyKey, z.object(shape)).transform((values) => {
    const out: FormValues = {};
    for (const [key, value] of Object.entries(values)) if (value !== undefined) out[key] = value as FieldValue;
    return out;
  });
}

/** The first problem of each field that failed, by field key. */
export function fieldProblems(error: z.ZodError): Record<string, FieldProblem> {
  const problems: Record<string, FieldProblem> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "");
    if (!key || problems[key]) continue;
    const known = ["required", "tooLong", "notNumber", "notInteger", "tooSmall", "tooLarge", "badDate", "badChoice", "tooMany"];
    problems[key] = (
      known.includes(issue.message) ? issue.message : issue.code === "invalid_type" ? "required" : "badChoice"
    ) as FieldProblem;
  }
  return problems;
}

/**
 * A form post's field entries (named `f_<key>`) as the raw values the schema reads: a key posted
 * more than once (a multiple choice's checked boxes) as a list, once as its text (the schema takes a
 * single choice as a list of one). Fields absent from the post are absent here.
 */
export function valuesFromForm(form: URLSearchParams): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const name of new Set(form.keys())) {
    if (!name.startsWith("f_")) continue;
    const all = form.getAll(name);
    raw[name.slice(2)] = all.length > 1 ? all : all[0];
  }
  return raw;
}
