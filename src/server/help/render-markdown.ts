// A help page's Markdown as HTML, on the server, so that nothing a page's author typed runs in a
// member's browser: markdown-it with raw HTML off escapes every tag (<script>, <iframe>, <style>, an
// <img onerror>) as text; links may only go to the web, mail, a phone or a page of this site, never
// javascript:, vbscript:, data: or file:; images are off (they would load from anywhere, telling a
// stranger who read the page). What comes out is markdown-it's own elements with escaped attributes.
import MarkdownIt from "markdown-it";

/** http(s), mailto, tel, or a path of this site ("/help/…", "#…"); never a protocol-relative "//host". */
export function isSafeLink(url: string): boolean {
  // Browsers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:").
  const compact = url.replace(/[\u0000-\u0020\u007f]/g, "").toLowerCase();
  if (compact.startsWith("//") || compact.startsWith("/\\")) return false;
  if (compact.startsWith("/") || compact.startsWith("#") || compact.startsWith("?")) return true;
  return /^(https?:\/\/|mailto:|tel:)/.test(compact);
}

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: true });
markdown.disable(["image"]);
markdown.validateLink = isSafeLink;

// Links to elsewhere leave no referrer and no window handle behind.
markdown.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
  const token = tokens[idx]!;
  if (/^https?:/i.test(String(token.attrGet("href") ?? ""))) token.attrSet("rel", "noopener noreferrer nofollow");
  return self.renderToken(tokens, idx, options);
};

/** The page's body as HTML that is safe to put in the page as it is. */
export function renderHelpMarkdown(source: string): string {
  return markdown.render(source);
}
