// 账号激活, step 2: the phone the candidate's WeChat is bound to, confirmed by code (code-step.tsx).
import { CodeStep } from "../code-step";

export const dynamic = "force-dynamic";

export default async function ActivationPhonePage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  return <CodeStep channel="phone" searchParams={await searchParams} />;
}
