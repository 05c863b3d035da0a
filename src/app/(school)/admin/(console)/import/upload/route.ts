// POST /admin/import/upload — the roster file of /admin/import's form (multipart, so it works
// without script), read through a 10 MB cap, judged by its bytes and previewed
// (members/roster/preview-import.ts). Every answer is a 303: to the preview, or back to the form
// with the refusal's code, which the page words in the admin's language.
import { redirectTo } from "~/server/http/answers";
import { readMultipartCapped } from "~/server/http/read-body";
import { adminRoute } from "~/server/http/route-scope";
import { MAX_ROSTER_BYTES } from "~/server/members/roster/file-format";
import { previewRosterUpload } from "~/server/members/roster/preview-import";
import { AppError } from "~/server/errors";

export const dynamic = "force-dynamic";

/** The file and the form's few bytes of boundaries and headers. */
const MAX_FORM_BYTES = MAX_ROSTER_BYTES + 64 * 1024;

export const POST = adminRoute(
  "directory.edit",
  {
    component: "roster-upload",
    refusal: (error) => redirectTo(error.code === "UNAUTHENTICATED" ? "/admin/login" : `/admin/import?error=${error.code}`),
  },
  async ({ request, scope }) => {
    const file = (await readMultipartCapped(request, MAX_FORM_BYTES)).get("file");
    if (!(file instanceof File) || file.size === 0) throw new AppError("ROSTER_EMPTY");
    if (file.size > MAX_ROSTER_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", { kib: MAX_ROSTER_BYTES / 1024 });
    const { id } = await previewRosterUpload(scope, { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    return redirectTo(`/admin/import/${id}`);
  },
);
