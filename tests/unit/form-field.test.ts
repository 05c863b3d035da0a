// A form field bound to a procedure's input: its label by key in the page's language, and the
// action's errors for this field only.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FormField, type FormFieldProps } from "~/components/ui/form-field";
import { WordsClientProvider } from "~/i18n/client";
import { wordList } from "~/i18n/messages";
import type { ActionResult } from "~/server/actions";

type Input = { slug: string; name: string };

const render = (props: FormFieldProps<keyof Input>, locale: "zh-CN" | "en" = "en") =>
  renderToStaticMarkup(
    createElement(WordsClientProvider, { words: wordList(locale, ["vendor"]), children: createElement(FormField<Input>, props) }),
  );

const refused: ActionResult = {
  ok: false,
  message: "Check the fields",
  fieldErrors: { slug: ["slug: 2–63 lowercase letters"], name: ["String must contain at least 2 character(s)"] },
};

describe("FormField", () => {
  it("shows the errors the action found in its own field, and not another field's", () => {
    const html = render({ name: "slug", label: "vendor.slug", state: refused });
    expect(html).toContain("slug: 2–63 lowercase letters");
    expect(html).not.toContain("at least 2 character");
    expect(html).toContain('aria-invalid="true"');
  });

  it("shows no error before the form is sent or once it succeeded", () => {
    expect(render({ name: "slug", label: "vendor.slug", state: null })).not.toContain("lowercase");
    expect(render({ name: "slug", label: "vendor.slug", state: { ok: true } })).not.toContain("lowercase");
  });

  it("says its label, hint and choices by key in the page's language", () => {
    const zh = render(
      {
        name: "slug",
        label: "vendor.slug",
        hint: { key: "vendor.slugHint", vars: { domain: "example.edu" } },
        options: [{ value: "CAS", label: "vendor.idp.CAS" }],
        state: null,
      },
      "zh-CN",
    );
    expect(zh).toContain("域名前缀");
    expect(zh).toContain("ucas.example.edu");
    expect(zh).toContain("CAS 统一身份认证");
    expect(render({ name: "name", label: "vendor.name", state: null })).toContain("School name");
  });
});
