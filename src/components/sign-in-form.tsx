import { loginMessages } from "~/server/auth/login-messages";
import { requestLocale } from "~/server/request";
import type { MessageKey, Namespace } from "~/i18n/messages";
import { LoginForm } from "./login-form";
import { Words } from "./words";

/** The server half of a sign-in form: its words, and the sign-in failures' messages, in the request's language. */
export async function SignInForm(props: { provider: "member" | "tenant-admin" | "vendor"; callbackUrl: string; accountLabel: MessageKey }) {
  const { locale } = await requestLocale();
  // The account's label lives in the area's namespace (login, admin, vendor); the vendor's one-time code field in vendor's.
  const area = props.accountLabel.slice(0, props.accountLabel.indexOf(".")) as Namespace;
  return (
    <Words namespaces={["common", "login", area, ...(props.provider === "vendor" ? (["vendor"] as const) : [])]}>
      <LoginForm
        provider={props.provider}
        callbackUrl={props.callbackUrl}
        messages={loginMessages(locale)}
        accountLabel={props.accountLabel}
        totp={props.provider === "vendor"}
      />
    </Words>
  );
}
