// The words of the pages, in both languages, one file per area in the format
// the error catalogue uses ({ key: { zh, en } }). A key is "<namespace>.<key>",
// e.g. "home.start" is `start` of home.ts.
import { format, pick, type Bilingual, type Locale } from "../locale";
import { activation } from "./activation";
import { admin } from "./admin";
import { audit } from "./audit";
import { branding } from "./branding";
import { changeWechat } from "./change-wechat";
import { checks } from "./checks";
import { diagnosis } from "./diagnosis";
import { goLive } from "./go-live";
import { hall } from "./hall";
import { areaError, common, lang, notFound, platform, unavailable } from "./common";
import { consoleWords } from "./console";
import { help } from "./help";
import { helpdesk } from "./helpdesk";
import { home } from "./home";
import { idp } from "./idp";
import { idpCheck } from "./idp-check";
import { invite } from "./invite";
import { journey } from "./journey";
import { login } from "./login";
import { me } from "./me";
import { member } from "./member";
import { outbox } from "./outbox";
import { password } from "./password";
import { phoneChange } from "./phone-change";
import { poster } from "./poster";
import { roster } from "./roster";
import { settings } from "./settings";
import { sso } from "./sso";
import { switchIdentity } from "./switch-identity";
import { troubleshoot } from "./troubleshoot";
import { unbindQr } from "./unbind-qr";
import { vendor } from "./vendor";
import { vendorOps } from "./vendor-ops";
import { wecom } from "./wecom";
import { wecomError } from "./wecom-error";

export const MESSAGES = {
  lang,
  common,
  unavailable,
  notFound,
  platform,
  areaError,
  home,
  login,
  me,
  member,
  password,
  phoneChange,
  admin,
  audit,
  wecom,
  wecomError,
  checks,
  diagnosis,
  goLive,
  vendor,
  vendorOps,
  outbox,
  settings,
  sso,
  idp,
  idpCheck,
  invite,
  journey,
  helpdesk,
  help,
  roster,
  branding,
  poster,
  troubleshoot,
  console: consoleWords,
  switchIdentity,
  changeWechat,
  activation,
  unbindQr,
  hall,
} as const;

type Namespaces = typeof MESSAGES;
export type Namespace = keyof Namespaces;
export type MessageKey = { [N in keyof Namespaces]: `${N}.${keyof Namespaces[N] & string}` }[keyof Namespaces];

/** Every key of every namespace. */
export function messageKeys(): MessageKey[] {
  return Object.entries(MESSAGES).flatMap(([ns, texts]) => Object.keys(texts).map((key) => `${ns}.${key}` as MessageKey));
}

export function bilingualOf(key: MessageKey): Bilingual {
  const dot = key.indexOf(".");
  const texts = MESSAGES[key.slice(0, dot) as keyof Namespaces] as Record<string, Bilingual>;
  const text = texts[key.slice(dot + 1)];
  if (!text) throw new Error(`No message ${key}`);
  return text;
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  return (key, vars) => format(pick(locale, bilingualOf(key)), vars);
}

/** The texts of some namespaces in one language, by key: what <Words> sends to client components. */
export type WordList = Partial<Record<MessageKey, string>>;

export function wordList(locale: Locale, namespaces: readonly Namespace[]): WordList {
  const words: WordList = {};
  for (const ns of new Set(namespaces))
    for (const [key, text] of Object.entries(MESSAGES[ns] as Record<string, Bilingual>))
      words[`${ns}.${key}` as MessageKey] = pick(locale, text);
  return words;
}
