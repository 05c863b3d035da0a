import nextPlugin from "@next/eslint-plugin-next";
import tseslint from "typescript-eslint";

// Words by key (issue 16 §3): a language is chosen in src/i18n only (pick, schoolName, kindName,
// translator), and client components take message keys and call useT() instead of bags of said words.
// A local plugin rather than no-restricted-syntax, whose options a later block for the same files would replace.
const words = {
  rules: {
    "no-language-comparison": {
      meta: {
        type: "problem",
        messages: {
          compare:
            'Choose the language in src/i18n: pick(locale, { zh, en }), schoolName(), kindName() or a message key, not a comparison with "en".',
        },
      },
      create(context) {
        const isEn = (node) => node.type === "Literal" && node.value === "en";
        return {
          BinaryExpression(node) {
            if (["===", "!==", "==", "!="].includes(node.operator) && (isEn(node.left) || isEn(node.right)))
              context.report({ node, messageId: "compare" });
          },
        };
      },
    },
    // A server's zone is UTC on most hosts: a date formatted by toLocale*String() shows a school 8 hours off.
    "china-time": {
      meta: {
        type: "problem",
        messages: {
          zone: "Format dates with chinaTime(), chinaDate() or chinaClock() from ~/i18n/locale: the school reads China time, the server's zone is not.",
        },
      },
      create(context) {
        const names = new Set(["toLocaleString", "toLocaleDateString", "toLocaleTimeString"]);
        return {
          MemberExpression(node) {
            if (node.property.type === "Identifier" && names.has(node.property.name)) context.report({ node, messageId: "zone" });
          },
        };
      },
    },
    "labels-by-key": {
      meta: {
        type: "problem",
        messages: {
          bag: "Pass message keys and call useT() in the client component (inside the page's <Words>), not labels={{ …said words… }}.",
        },
      },
      create(context) {
        return {
          JSXAttribute(node) {
            if (
              node.name.name === "labels" &&
              node.value?.type === "JSXExpressionContainer" &&
              node.value.expression.type === "ObjectExpression"
            )
              context.report({ node, messageId: "bag" });
          },
        };
      },
    },
  },
};
const NEXT_RESPONSE = {
  name: "next/server",
  importNames: ["NextResponse"],
  message: "Domain functions return data: the route (src/app/**/route.ts) or src/server/http makes the Response.",
};
const CALLER_MESSAGE = "Call the domain function (scope, input) the procedure calls; only pages and actions use the tRPC caller.";
const TRPC_CALLER = {
  paths: [{ name: "~/server/request", importNames: ["serverApi"], message: CALLER_MESSAGE }],
  patterns: [{ group: ["~/server/api/root", "**/api/root", "~/trpc/*"], message: CALLER_MESSAGE }],
};

export default tseslint.config(
  { ignores: ["node_modules/", ".next/", ".data/", "src/generated/", "test-results/", "playwright-report/", "next-env.d.ts", "**/*.mjs"] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { "@next/next": nextPlugin },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      // Plain links are right here: tenant hosts differ and most pages are server-rendered.
      "@next/next/no-html-link-for-pages": "off",
    },
  },
  {
    // A server action's redirect() renders its target by fetching it from the server's own origin,
    // whose Host is the platform's root domain, not the school's: the member would get 「页面不存在」.
    // School-host actions answer with where to go, and their form navigates (bind-phone/actions.ts).
    // Server actions live in files named actions.ts; pages may redirect as they render.
    files: ["src/app/(school)/**/actions.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "next/navigation",
              importNames: ["redirect", "permanentRedirect"],
              message:
                "On a school's host a server action's redirect() renders the root domain's page (「页面不存在」): answer with the next path and let the form navigate.",
            },
          ],
        },
      ],
    },
  },
  {
    // Pages decide by permission, the same `can(role, permission)` the procedures ask
    // (src/server/auth/permissions.ts; a console's navigation filters with it), never by role name.
    files: ["src/app/**/*.ts", "src/app/**/*.tsx"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "BinaryExpression[operator=/^[=!]==?$/] > Literal[value=/^(ADMIN|HELPDESK)$/]",
          message:
            'Pages decide by permission, not by role name: ask can(role, "<permission>") (src/server/auth/permissions.ts), as the procedures do.',
        },
      ],
    },
  },
  {
    // Routers are thin and stay inside the tenant filter: the plain Prisma client and the
    // scope's escape hatch are for domain functions (src/server/scope.ts), never for a router.
    files: ["src/server/api/routers/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "~/server/db/client", message: "Routers reach data through ctx.scope and domain functions." }],
          patterns: [{ group: ["~/generated/prisma/*"], message: "Routers reach data through ctx.scope and domain functions." }],
        },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "ImportSpecifier[imported.name='unscopedClient']",
          message: "Only domain functions may step outside the tenant filter.",
        },
      ],
    },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/i18n/**"],
    plugins: { words },
    rules: { "words/no-language-comparison": "error" },
  },
  {
    // The simulators play Tencent's servers, not a school's page.
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/i18n/**", "src/sims/**"],
    plugins: { words },
    rules: { "words/china-time": "error" },
  },
  {
    files: ["src/app/**/*.tsx", "src/components/**/*.tsx"],
    plugins: { words },
    rules: { "words/labels-by-key": "error" },
  },
  {
    // Domain folders return data; the HTTP layer (src/server/http, route files) makes the Response.
    // And only the page layer's entry points (request.ts, actions.ts) call the tRPC API in-process:
    // a domain function calls the domain function, not the procedure around it.
    files: ["src/server/**/*.ts"],
    ignores: ["src/server/api/**", "src/server/http/**", "src/server/request.ts", "src/server/actions.ts"],
    rules: {
      "no-restricted-imports": ["error", { paths: [NEXT_RESPONSE, ...TRPC_CALLER.paths], patterns: TRPC_CALLER.patterns }],
      "no-restricted-syntax": [
        "error",
        {
          selector: "NewExpression[callee.name='Response'], MemberExpression[object.name='Response']",
          message: "Domain functions return data: the route (src/app/**/route.ts) or src/server/http makes the Response.",
        },
      ],
    },
  },
  {
    files: ["src/server/http/**/*.ts"],
    rules: { "no-restricted-imports": ["error", TRPC_CALLER] },
  },
);
