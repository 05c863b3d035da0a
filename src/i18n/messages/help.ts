// The help pages (/help), the school's contacts on error pages, and their back-office editor.
import type { Messages } from "./types";

export const help = {
  title: { zh: "帮助", en: "Help" },
  searchLabel: { zh: "搜索帮助", en: "Search the help" },
  searchPlaceholder: { zh: "例如：缓存、手机号、鸿蒙", en: "e.g. cache, phone, HarmonyOS" },
  searchButton: { zh: "搜索", en: "Search" },
  results: { zh: "“{q}”的搜索结果：{count} 篇", en: "{count} pages found for “{q}”" },
  noResults: {
    zh: "没有找到与“{q}”有关的页面。换个说法再试，或直接联系学校（见下方）。",
    en: "No page mentions “{q}”. Try other words, or contact the school (below).",
  },
  allPages: { zh: "查看全部帮助", en: "All help pages" },
  empty: {
    zh: "学校还没有写帮助页面。有问题请直接联系学校（见下方）。",
    en: "The school has written no help pages yet. Contact the school (below) with any question.",
  },
  notFound: {
    zh: "这篇帮助已不存在，可能已被学校删除。请回到帮助列表查找。",
    en: "This help page no longer exists. Please look for it in the list of help pages.",
  },
  contactsTitle: { zh: "仍有问题？联系学校", en: "Still stuck? Contact the school" },
  contactsPhone: { zh: "电话", en: "Phone" },
  contactsEmail: { zh: "邮箱", en: "E-mail" },
  contactsHours: { zh: "服务时间", en: "Office hours" },
  contactsHelpLink: { zh: "查看帮助页面", en: "Read the help pages" },
  // The back office.
  adminTitle: { zh: "帮助页面", en: "Help pages" },
  adminLead: {
    zh: "学生在 /help 看到的页面，按这里的顺序排列；内容用 Markdown 书写，不支持 HTML。每个错误页面都会显示下面的联系方式。",
    en: "The pages students read at /help, in this order; written in Markdown (no HTML). Every error page shows the contacts below.",
  },
  adminNew: { zh: "新建页面", en: "New page" },
  adminEdit: { zh: "编辑", en: "Edit" },
  adminUp: { zh: "上移", en: "Move up" },
  adminDown: { zh: "下移", en: "Move down" },
  adminDelete: { zh: "删除", en: "Delete" },
  adminDeleteConfirm: {
    zh: "确认删除“{title}”？学生将无法再打开它。",
    en: "Delete “{title}”? Students will no longer be able to open it.",
  },
  adminNone: { zh: "还没有帮助页面。", en: "No help pages yet." },
  adminSlug: { zh: "页面地址", en: "Page address" },
  adminSlugHint: {
    zh: "小写字母、数字和连字符，例如 wechat-cache（学生打开 /help/wechat-cache）",
    en: "Lower-case letters, digits and hyphens, e.g. wechat-cache (students open /help/wechat-cache)",
  },
  adminTitleZh: { zh: "标题（中文）", en: "Title (Chinese)" },
  adminTitleEn: { zh: "标题（英文，可不填）", en: "Title (English, optional)" },
  adminBodyZh: { zh: "正文（中文，Markdown）", en: "Body (Chinese, Markdown)" },
  adminBodyEn: { zh: "正文（英文，Markdown，可不填）", en: "Body (English, Markdown, optional)" },
  adminPreview: { zh: "预览", en: "Preview" },
  adminPreviewLead: { zh: "学生看到的样子（尚未保存）：", en: "What students will see (not saved yet):" },
  adminSave: { zh: "保存", en: "Save" },
  adminSaved: { zh: "已保存。", en: "Saved." },
  adminView: { zh: "查看学生页面", en: "View as a student" },
  contactsAdminTitle: { zh: "学校联系方式", en: "School contacts" },
  contactsAdminPhone: { zh: "咨询电话", en: "Phone" },
  contactsAdminEmail: { zh: "咨询邮箱", en: "E-mail" },
  contactsAdminHoursZh: { zh: "服务时间（中文）", en: "Office hours (Chinese)" },
  contactsAdminHoursEn: { zh: "服务时间（英文，可不填）", en: "Office hours (English, optional)" },
} as const satisfies Messages;
