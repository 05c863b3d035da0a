// The message of an unexpected failure, apart from the catalogue so that an
// error page (a client component) can show it without shipping the rest.
import type { Bilingual } from "~/i18n/locale";

export const INTERNAL_ERROR_MESSAGE: Bilingual = {
  zh: "服务器出了点问题，请稍后重试；如仍不行请联系学校管理员。",
  en: "Something went wrong on our side. Please try again later, or contact your school's IT office.",
};
