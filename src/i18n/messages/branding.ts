// The school's branding (/admin/branding): its logo, its two colours and their preview on a phone.
import type { Messages } from "./types";

export const branding = {
  title: { zh: "品牌", en: "Branding" },
  lead: {
    zh: "学校的 Logo 和颜色，显示在师生的每个页面和注册海报上。保存后，右侧手机预览即为师生看到的样子。",
    en: "Your school's logo and colours, on every page members see and on the registration poster. Once saved, the phone preview shows what members see.",
  },
  logo: { zh: "Logo", en: "Logo" },
  logoHint: {
    zh: "PNG 或 JPEG，不超过 {kib} KB，建议正方形、透明背景。不接受 SVG。",
    en: "PNG or JPEG, at most {kib} KB; square with a transparent background works best. SVG is not accepted.",
  },
  logoNone: { zh: "尚未上传 Logo，页面只显示学校名称。", en: "No logo yet: the pages show the school's name alone." },
  logoFile: { zh: "选择图片", en: "Choose an image" },
  upload: { zh: "上传 Logo", en: "Upload logo" },
  remove: { zh: "删除 Logo", en: "Remove logo" },
  logoSaved: { zh: "Logo 已保存。", en: "Logo saved." },
  logoRemoved: { zh: "Logo 已删除。", en: "Logo removed." },
  colours: { zh: "颜色", en: "Colours" },
  primaryColor: { zh: "主色（标题栏、按钮）", en: "Primary colour (title bar, buttons)" },
  primaryHint: {
    zh: "白色文字在其上的对比度须不低于 4.5:1。",
    en: "White text on it needs a contrast of at least 4.5:1.",
  },
  accentColor: { zh: "辅助色（海报步骤序号）", en: "Accent colour (the poster's step numbers)" },
  accentHint: { zh: "白色文字在其上的对比度须不低于 3:1。", en: "White text on it needs a contrast of at least 3:1." },
  save: { zh: "保存颜色", en: "Save colours" },
  saved: { zh: "颜色已保存。", en: "Colours saved." },
  preview: { zh: "手机预览", en: "Phone preview" },
  previewTitle: { zh: "统一身份认证登录", en: "Sign in" },
  previewButton: { zh: "登录", en: "Sign in" },
  previewAccent: { zh: "辅助色", en: "Accent" },
} as const satisfies Messages;
