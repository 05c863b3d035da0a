// 账号激活, step 3: an e-mail address, confirmed by code (code-step.tsx).
import { CodeStep } from "../code-step";

export const dynamic = "force-dynamic";

export default async function ActivationEmailPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  return <CodeStep channel="email" searchParams={await searchParams} />;
}
