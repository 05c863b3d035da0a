// The demo schools of PRODUCT.md, so that every manual in shared/seeds can be
// followed on a fresh start. README.md lists these accounts; keep them in step.

export const DEMO_PASSWORD = "Passw0rd!";
export const DEMO_ADMIN = { username: "admin", password: "Admin@2026" };
export const DEMO_HELPDESK = { username: "helpdesk", password: "Helpdesk@2026" };
export const DEMO_VENDOR = {
  username: "vendor",
  password: "Vendor@2026",
  name: "平台运营",
  /**
   * The demo vendor's TOTP secret (base32), published in README.md so a person
   * can add it to an authenticator and the e2e suite can make codes. Only for
   * the demo database: a real vendor enrols its own at first sign-in.
   */
  totpSecret: "DEMOVENDORTOTPSECRETDONOTUSEPROD",
};

/** `providerKind`: the kind signs in at the built-in directory although the school's own login is CAS or OIDC. */
type DemoKind = { code: string; nameZh: string; nameEn: string; apps: string[]; providerKind?: "BUILTIN" };
type DemoMember = {
  account: string;
  name: string;
  kind: string;
  department: string;
  /** As typed: mainland 11 digits, or "00" + country code for a foreign number. */
  phone?: string;
  email?: string;
  idNumber: string;
  idType?: string;
  /** false: a built-in account without a password yet, which the person activates (账号激活, UESTC 附件一). */
  activated?: boolean;
};

export type DemoTenant = {
  slug: string;
  name: string;
  nameEn: string;
  primaryColor: string;
  accentColor: string;
  idpKind: "BUILTIN" | "CAS" | "OIDC";
  assistantAppName: string;
  initialPasswordRule?: "ID_NUMBER_LAST8";
  secondVerification?: boolean;
  /** An e-mail address may be bound instead of a phone (UCAS step 3). */
  allowEmail?: boolean;
  /**
   * Foreign numbers may be bound (UCAS FAQ 9), from the preset regions (Hong Kong, Macao, Taiwan),
   * which hold the demo's international student (0085291234567). Off elsewhere, as for a new school.
   */
  allowForeign?: boolean;
  kinds: DemoKind[];
  members: DemoMember[];
  /** The school ships the service hall's 「网站变更申请」 (seed/demo-hall.ts; XAU manual part 2). */
  hall?: boolean;
};

const STUDENTS_AND_STAFF: DemoKind = {
  code: "student_staff",
  nameZh: "在校师生",
  nameEn: "Students and staff",
  apps: ["消息中心", "一站式网上办事大厅", "校园卡", "图书馆"],
};
/** UESTC's candidates are in the product's built-in directory, not the school's CAS: they activate an account here first. */
const CANDIDATES: DemoKind = { code: "candidate", nameZh: "考生", nameEn: "Exam candidates", apps: ["消息中心"], providerKind: "BUILTIN" };

/** The people every demo school has (PRODUCT.md, "Demo data"). */
function people(prefix: string): DemoMember[] {
  return [
    {
      account: `${prefix}2024001`,
      name: "张三",
      kind: "student_staff",
      department: "计算机科学与技术学院",
      phone: "13800000001",
      idNumber: "110101200301011234",
    },
    { account: `${prefix}2024002`, name: "李四", kind: "student_staff", department: "机械工程学院", idNumber: "110101200302022345" },
    {
      account: `${prefix}2024003`,
      name: "Emma Wilson",
      kind: "student_staff",
      department: "国际学院",
      phone: "0085291234567",
      email: "emma.wilson@example.com",
      idNumber: "E12345678",
      idType: "护照",
    },
    {
      account: `${prefix}T1001`,
      name: "王老师",
      kind: "student_staff",
      department: "信息化办公室",
      phone: "13800000004",
      email: "wang@example.edu.cn",
      idNumber: "110101198001013456",
    },
    // One person, two identities sharing one ID number: 本科学号 → 研究生学号 (UCAS FAQ 12).
    { account: `${prefix}2020101`, name: "赵六", kind: "student_staff", department: "物理学院（本科）", idNumber: "110101200101014567" },
    {
      account: `${prefix}S2024101`,
      name: "赵六",
      kind: "student_staff",
      department: "物理学院（研究生）",
      phone: "13800000006",
      idNumber: "110101200101014567",
    },
  ];
}

export const DEMO_TENANTS: DemoTenant[] = [
  {
    slug: "ucas",
    name: "中国科学院大学",
    nameEn: "University of Chinese Academy of Sciences",
    primaryColor: "#0b4ea2",
    accentColor: "#c8102e",
    idpKind: "BUILTIN",
    assistantAppName: "身份认证小助手",
    allowEmail: true,
    allowForeign: true,
    kinds: [STUDENTS_AND_STAFF],
    members: people(""),
  },
  {
    slug: "sues",
    name: "上海工程技术大学",
    nameEn: "Shanghai University of Engineering Science",
    primaryColor: "#005bac",
    accentColor: "#f39800",
    idpKind: "CAS",
    assistantAppName: "企业小助手",
    kinds: [STUDENTS_AND_STAFF],
    members: people(""),
  },
  {
    slug: "imut",
    name: "内蒙古工业大学",
    nameEn: "Inner Mongolia University of Technology",
    primaryColor: "#1f6f43",
    accentColor: "#d4a017",
    idpKind: "CAS",
    assistantAppName: "微校园助手",
    kinds: [STUDENTS_AND_STAFF],
    members: people(""),
  },
  {
    slug: "uestc",
    name: "电子科技大学",
    nameEn: "University of Electronic Science and Technology of China",
    primaryColor: "#003f88",
    accentColor: "#e60012",
    idpKind: "CAS",
    assistantAppName: "身份认证小助手",
    secondVerification: true,
    kinds: [STUDENTS_AND_STAFF, CANDIDATES],
    members: [
      ...people(""),
      {
        account: "K2026510001",
        name: "陈七",
        kind: "candidate",
        department: "2026 级硕士考生",
        phone: "13800000007",
        idNumber: "510104200405056780",
        activated: false,
      },
    ],
  },
  {
    slug: "xawl",
    name: "西安文理学院",
    nameEn: "Xi'an University",
    primaryColor: "#8b1a1a",
    accentColor: "#d9a400",
    idpKind: "BUILTIN",
    assistantAppName: "企业小助手",
    initialPasswordRule: "ID_NUMBER_LAST8",
    kinds: [STUDENTS_AND_STAFF],
    members: [
      ...people(""),
      // The 辅导员 of 张三's 学院: the first step of 「网站变更申请」 (王老师's office decides the second).
      {
        account: "T1002",
        name: "刘老师",
        kind: "student_staff",
        department: "计算机科学与技术学院",
        phone: "13800000008",
        idNumber: "110101198502023456",
      },
    ],
    hall: true,
  },
  {
    slug: "demo",
    name: "示范大学",
    nameEn: "Demo University",
    primaryColor: "#6d28d9",
    accentColor: "#0ea5e9",
    idpKind: "OIDC",
    assistantAppName: "身份认证小助手",
    kinds: [STUDENTS_AND_STAFF],
    members: people(""),
  },
];
