// The hall's form posts as a browser without script sends them (x-www-form-urlencoded, same
// origin): each answers a 303 to the page that says what happened — submitted, kept as a draft
// with the fields to correct, decided, withdrawn, or refused with the catalogue's code; a post from
// another site changes nothing.
import { afterAll, describe, expect, it } from "vitest";
import { POST as decideRoute } from "~/app/(school)/(member)/hall/a/[id]/decide/route";
import { POST as withdrawRoute } from "~/app/(school)/(member)/hall/a/[id]/withdraw/route";
import { POST as submitRoute } from "~/app/(school)/(member)/hall/submit/route";
import type { SessionClaims } from "~/server/auth/session-user";
import { receivedApplications } from "~/server/servicehall/queries";
import { sessionCookie, testPrisma } from "../support";
import { hallSchool, memberScope, VALID, type HallSchool } from "./hall-kit";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

const claims = (school: HallSchool, memberId: string): SessionClaims => ({
  sub: memberId,
  kind: "member",
  tenantId: school.tenantId,
  host: school.host,
  ver: 0,
});

async function post(school: HallSchool, memberId: string, path: string, body: URLSearchParams, headers: Record<string, string> = {}) {
  return new Request(`http://${school.host}${path}`, {
    method: "POST",
    headers: {
      host: school.host,
      cookie: await sessionCookie(claims(school, memberId)),
      "content-type": "application/x-www-form-urlencoded",
      origin: `http://${school.host}`,
      "sec-fetch-site": "same-origin",
      ...headers,
    },
    body: body.toString(),
  });
}

const form = (entries: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(entries)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
  return body;
};
const fields = (values: Record<string, string>) => Object.fromEntries(Object.entries(values).map(([k, v]) => [`f_${k}`, v]));
const location = (answer: Response) => answer.headers.get("location") ?? "";
const idIn = (answer: Response) => /\/hall\/a\/([0-9a-f-]{36})/.exec(location(answer))![1]!;
const version = async (id: string) => (await prisma.application.findUniqueOrThrow({ where: { id } })).version;

describe("the hall's form posts", () => {
  it("submits a form, and the approvers' posts decide it through both steps, each a 303 to the next page", async () => {
    const school = await hallSchool(prisma);
    const submitted = await submitRoute(
      await post(school, school.applicantId, "/hall/submit", form({ serviceId: school.serviceId, intent: "submit", ...fields(VALID) })),
    );
    expect(submitted.status).toBe(303);
    expect(location(submitted)).toMatch(/^\/hall\/a\/[0-9a-f-]{36}\?done=submitted$/);
    const id = idIn(submitted);

    for (const approver of [school.counsellorId, school.officeIds[0]]) {
      const answer = await decideRoute(
        await post(
          school,
          approver,
          `/hall/a/${id}/decide`,
          form({ version: String(await version(id)), decision: "approve", comment: "同意" }),
        ),
        { params: Promise.resolve({ id }) },
      );
      expect(answer.status).toBe(303);
      expect(location(answer)).toBe("/hall/received?done=decided");
    }
    expect((await prisma.application.findUniqueOrThrow({ where: { id } })).state).toBe("APPROVED");
  });

  it("keeps a form that does not pass as a draft and sends the member back to correct it; 【保存草稿】 saves without the rules", async () => {
    const school = await hallSchool(prisma);
    const wrong = await submitRoute(
      await post(
        school,
        school.applicantId,
        "/hall/submit",
        form({ serviceId: school.serviceId, intent: "submit", ...fields({ ...VALID, domain: "" }) }),
      ),
    );
    expect(location(wrong)).toMatch(/\?error=HALL_FORM_INVALID$/);
    const id = idIn(wrong);
    expect(await prisma.application.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: "DRAFT" });
    const draft = await submitRoute(
      await post(
        school,
        school.applicantId,
        "/hall/submit",
        form({ applicationId: id, version: String(await version(id)), intent: "draft", f_site_name: "半成品" }),
      ),
    );
    expect(location(draft)).toBe(`/hall/a/${id}?done=draft`);
    expect((await prisma.application.findUniqueOrThrow({ where: { id } })).values).toEqual({ site_name: "半成品" });
  });

  it("withdraws before anyone acted; a stale page's decision and a 考生's application are refused with the catalogue's code", async () => {
    const school = await hallSchool(prisma);
    const id = idIn(
      await submitRoute(
        await post(school, school.applicantId, "/hall/submit", form({ serviceId: school.serviceId, intent: "submit", ...fields(VALID) })),
      ),
    );
    const shown = String(await version(id));
    const withdrawn = await withdrawRoute(await post(school, school.applicantId, `/hall/a/${id}/withdraw`, form({ version: shown })), {
      params: Promise.resolve({ id }),
    });
    expect(location(withdrawn)).toBe(`/hall/a/${id}?done=withdrawn`);
    // The 辅导员's page showed the version before the withdrawal.
    const stale = await decideRoute(
      await post(school, school.counsellorId, `/hall/a/${id}/decide`, form({ version: shown, decision: "approve" })),
      {
        params: Promise.resolve({ id }),
      },
    );
    expect(location(stale)).toBe(`/hall/a/${id}?error=HALL_ALREADY_DECIDED`);

    const candidate = await submitRoute(
      await post(school, school.candidateId, "/hall/submit", form({ serviceId: school.serviceId, intent: "submit", ...fields(VALID) })),
    );
    expect(location(candidate)).toBe(`/hall/s/${school.serviceId}?error=HALL_NOT_ELIGIBLE`);
  });

  it("refuses a post from another site before anything is written", async () => {
    const school = await hallSchool(prisma);
    const before = await prisma.application.count({ where: { tenantId: school.tenantId } });
    const answer = await submitRoute(
      await post(school, school.applicantId, "/hall/submit", form({ serviceId: school.serviceId, intent: "submit", ...fields(VALID) }), {
        origin: "https://evil.example",
        "sec-fetch-site": "cross-site",
      }),
    );
    expect(answer.status).toBeGreaterThanOrEqual(300);
    expect(await prisma.application.count({ where: { tenantId: school.tenantId } })).toBe(before);
    expect((await receivedApplications(await memberScope(prisma, school, school.counsellorId))).counts.todo).toBe(0);
  });
});
