// Words by key in client components: <Words> sends the page's namespaces in its language, useT reads them.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { useT, WordsClientProvider } from "~/i18n/client";
import { wordList, type MessageKey, type WordList } from "~/i18n/messages";

function Say({ k, vars }: { k: MessageKey; vars?: Record<string, string | number> }) {
  return useT()(k, vars);
}

const render = (words: WordList, k: MessageKey, vars?: Record<string, string | number>) =>
  renderToStaticMarkup(createElement(WordsClientProvider, { words, children: createElement(Say, { k, vars }) }));

describe("wordList", () => {
  it("holds the namespaces asked for, in the language asked for, and nothing else", () => {
    const zh = wordList("zh-CN", ["common"]);
    expect(zh["common.signOut"]).toBe("退出登录");
    expect(wordList("en", ["common"])["common.signOut"]).toBe("Sign out");
    expect(zh["login.submit"]).toBeUndefined();
    expect(Object.keys(zh).every((key) => key.startsWith("common."))).toBe(true);
  });
});

describe("useT", () => {
  it("says a key in the page's language, with its values filled in", () => {
    expect(render(wordList("zh-CN", ["common"]), "common.signOut")).toBe("退出登录");
    expect(render(wordList("en", ["common"]), "common.signOut")).toBe("Sign out");
    expect(render({ "common.search": "{n} found" }, "common.search", { n: 3 })).toBe("3 found");
  });

  it("refuses a key whose namespace the page did not send, naming it", () => {
    expect(() => render(wordList("zh-CN", ["common"]), "login.submit")).toThrow(/login\.submit/);
  });
});
