"use client";
// Words by key in client components: a page wraps its client parts in <Words namespaces={…}>
// (src/components/words.tsx), which sends the texts of those namespaces in the request's language,
// and a client component asks for them with useT(), as a server component does with
// requestLocale().t. Only the namespaces a page names travel to the browser.
import { createContext, useContext, type ReactNode } from "react";
import { format } from "./locale";
import type { MessageKey, Translate, WordList } from "./messages";

const WordsContext = createContext<WordList | null>(null);

export function WordsClientProvider({ words, children }: { words: WordList; children: ReactNode }) {
  return <WordsContext value={words}>{children}</WordsContext>;
}

/** `t(key, vars)` in the page's language; a key whose namespace the page did not send is a bug, said at once. */
export function useT(): Translate {
  const words = useContext(WordsContext);
  return (key: MessageKey, vars?: Record<string, string | number>) => {
    const text = words?.[key];
    if (text === undefined) throw new Error(`No words for ${key}: add its namespace to the page's <Words namespaces={…}>.`);
    return format(text, vars);
  };
}
