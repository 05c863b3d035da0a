// A message of src/i18n/messages in both languages with its values filled in: what a check says
// before the reader's language is chosen (connection-test.ts says it in scope.locale at the end).
import { format, type Bilingual } from "~/i18n/locale";
import { bilingualOf, type MessageKey } from "~/i18n/messages";

export function saidBoth(key: MessageKey, vars: Record<string, string | number> = {}): Bilingual {
  const text = bilingualOf(key);
  return { zh: format(text.zh, vars), en: format(text.en, vars) };
}
