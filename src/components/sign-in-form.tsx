import { loginMessages } from "~/server/auth/login-messages";
import { requestLocale } from "~/server/request";
import type { MessageKey } from "~/i18n/messages";
import { LoginForm } from "./login-form";

/** The server half of a sign-in form: labels and messages in the request's language. */
export async function SignInForm(props: { provider: "member" | "tenant-admin" | "vendor"; callbackUrl: string; accountLabel: MessageKey }) {
  const { locale, t } = await requestLocale();
  return (
    <LoginForm
      provider={props.provider}
      callbackUrl={props.callbackUrl}
      messages={loginMessages(locale)}
      labels={{
        account: t(props.accountLabel),
        accountPlaceholder: t("login.accountPlaceholder"),
        password: t("common.password"),
        passwordPlaceholder: t("login.passwordPlaceholder"),
        submit: t("login.submit"),
        working: t("common.working"),
      }}
      totp={
        props.provider === "vendor"
          ? { label: t("vendor.totpLabel"), placeholder: t("vendor.totpPlaceholder"), hint: t("vendor.totpHint") }
          : undefined
      }
    />
  );
}
