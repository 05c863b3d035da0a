// A help page's Markdown is written by a school's admin and read by every member: nothing in it may
// run in a member's browser. Each hostile input is checked on the HTML that comes out: every real tag
// (markdown-it escapes text's "<" as &lt;, so each "<" left is a tag) is one of Markdown's own, has only
// the attributes Markdown gives, and no link goes anywhere but the web, mail, a phone or this site.
import { describe, expect, it } from "vitest";
import { isSafeLink, renderHelpMarkdown } from "~/server/help/render-markdown";

const MARKDOWN_TAGS = new Set([
  "p",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "ul",
  "ol",
  "li",
  "a",
  "strong",
  "em",
  "code",
  "pre",
  "blockquote",
  "hr",
  "br",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
  "s",
]);

function tagsOf(html: string) {
  return [...html.matchAll(/<\/?([a-zA-Z0-9]+)([^>]*)>/g)].map(([, name, attributes]) => ({
    name: name!.toLowerCase(),
    attributes: [...attributes!.matchAll(/([^\s=]+)="([^"]*)"/g)].map(([, key, value]) => ({ key: key!.toLowerCase(), value: value! })),
    raw: attributes!,
  }));
}

function expectHarmless(html: string) {
  for (const tag of tagsOf(html)) {
    expect(MARKDOWN_TAGS, `<${tag.name}> in ${html}`).toContain(tag.name);
    for (const { key, value } of tag.attributes) {
      expect(["href", "rel", "start"], `${key}= in ${html}`).toContain(key);
      if (key === "href") expect(value, html).toMatch(/^(https?:\/\/|mailto:|tel:|\/(?![/\\])|#)/i);
    }
    expect(tag.raw, html).not.toMatch(/\son\w+\s*=/i);
  }
}

const hostile: [string, string][] = [
  ["a script tag", "清除缓存\n\n<script>alert(document.cookie)</script>"],
  ["a script tag inside a list", "- 步骤 <script src=https://evil.example/x.js></script>"],
  ["an image's onerror handler", '<img src="x" onerror="alert(1)">'],
  ["an svg onload", "<svg onload=alert(1)>"],
  ["a link tag with a handler", '<a href="https://ok.example" onclick="alert(1)">点我</a>'],
  ["an iframe", '<iframe src="https://evil.example"></iframe>'],
  ["a style block", "<style>body{display:none}</style>"],
  ["an inline style", '<p style="position:fixed;inset:0">假的登录框</p>'],
  ["a javascript: link", "[点这里](javascript:alert(1))"],
  ["a javascript: link in mixed case with a tab", "[点这里](JaVa\tScRiPt:alert(1))"],
  ["a javascript: link with an entity", "[点这里](javascript&#58;alert(1))"],
  ["a javascript: autolink", "<javascript:alert(1)>"],
  ["a data: link", "[下载](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"],
  ["a data: image", "![图](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)"],
  ["a vbscript: link", "[x](vbscript:msgbox(1))"],
  ["a reference-style javascript: link", "[x][1]\n\n[1]: javascript:alert(1)"],
  ["a protocol-relative link", "[x](//evil.example/login)"],
  ["a quote breaking out of href", '[x](https://ok.example/" onmouseover="alert(1))'],
  ["raw HTML comments and a form", '<!-- x --><form action="https://evil.example"><input name=password></form>'],
];

describe("a help page's Markdown", () => {
  it.each(hostile)("renders %s as harmless text", (_what, source) => {
    const html = renderHelpMarkdown(source);
    expectHarmless(html);
    expect(html).not.toMatch(/<(script|iframe|style|img|svg|form|input)\b/i);
    expect(html).not.toMatch(/href="(?!https?:\/\/|mailto:|tel:|\/[^/\\]|#)/i);
  });

  it("keeps what an author means: headings, lists, emphasis and the school's links", () => {
    const html = renderHelpMarkdown(
      "## 清除微信缓存\n\n1. 打开**我 → 设置**\n2. 点击 *存储空间*\n\n电话 [6576286](tel:6576286)，[帮助](/help/harmony)，[官网](https://www.imut.edu.cn)",
    );
    expect(html).toContain("<h2>清除微信缓存</h2>");
    expect(html).toContain("<ol>");
    expect(html).toContain("<strong>我 → 设置</strong>");
    expect(html).toContain('<a href="tel:6576286">6576286</a>');
    expect(html).toContain('<a href="/help/harmony">帮助</a>');
    expect(html).toContain('<a href="https://www.imut.edu.cn" rel="noopener noreferrer nofollow">官网</a>');
    expectHarmless(html);
  });

  it("shows typed HTML as the text it is", () => {
    expect(renderHelpMarkdown("<b>粗</b>")).toBe("<p>&lt;b&gt;粗&lt;/b&gt;</p>\n");
  });
});

describe("the links a page may carry", () => {
  it.each(["https://a.example", "http://a.example", "mailto:it@school.edu.cn", "tel:028-61831184", "/help/x", "#top"])(
    "%s is allowed",
    (url) => expect(isSafeLink(url)).toBe(true),
  );
  it.each([
    "javascript:alert(1)",
    " JAVASCRIPT:x",
    "java\nscript:x",
    "data:text/html,x",
    "vbscript:x",
    "file:///etc/passwd",
    "//evil.example",
    "/\\evil.example",
  ])("%s is refused", (url) => expect(isSafeLink(url)).toBe(false));
});
