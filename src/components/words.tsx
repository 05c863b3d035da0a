import type { ReactNode } from "react";
import { WordsClientProvider } from "~/i18n/client";
import { wordList, type Namespace } from "~/i18n/messages";
import { requestLocale } from "~/server/request";

/** Gives the client components inside it `useT()` for these namespaces, in the request's language. */
export async function Words({ namespaces, children }: { namespaces: readonly Namespace[]; children: ReactNode }) {
  const { locale } = await requestLocale();
  return <WordsClientProvider words={wordList(locale, namespaces)}>{children}</WordsClientProvider>;
}
