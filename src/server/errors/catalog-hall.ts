// The service hall's errors (servicehall/): part of the one catalogue (catalog.ts spreads them in),
// kept in a file of their own.
import type { ErrorCatalogEntry } from "./catalog";

export const HALL_ERRORS = {
  HALL_SERVICE_NOT_FOUND: {
    trpc: "NOT_FOUND",
    http: 404,
    message: {
      zh: "没有找到该服务，它可能已停用。请回到「我的服务」重新选择。",
      en: "This service was not found; it may have been closed. Go back to My services and choose again.",
    },
  },
  HALL_NOT_ELIGIBLE: {
    trpc: "FORBIDDEN",
    http: 403,
    message: {
      zh: "您的身份不能申请该服务。如有疑问，请联系学校管理员。",
      en: "Your identity may not apply for this service. If you think it should, contact your school's IT office.",
    },
  },
  HALL_FORM_INVALID: {
    trpc: "BAD_REQUEST",
    http: 400,
    message: {
      zh: "表单有未填写或不符合要求的内容，已为您保存为草稿。请按提示修改后再提交。",
      en: "Some fields are missing or not as required. Your entries were saved as a draft: correct them as marked and submit again.",
    },
  },
  HALL_APPLICATION_NOT_FOUND: {
    trpc: "NOT_FOUND",
    http: 404,
    message: {
      zh: "没有找到该事项。请回到「发出的事项」或「收到的事项」查看。",
      en: "This application was not found. Look for it in Sent or Received.",
    },
  },
  HALL_ALREADY_DECIDED: {
    trpc: "CONFLICT",
    http: 409,
    message: {
      zh: "该事项已有变化（可能已由其他审批人处理），您的操作未生效。请查看最新状态。",
      en: "This application has changed meanwhile (another approver may have decided it), so your action was not applied. See where it stands now.",
    },
  },
  HALL_NOT_YOUR_TASK: {
    trpc: "FORBIDDEN",
    http: 403,
    message: {
      zh: "该事项当前不需要您处理，可在「收到的事项」的已办中查看。",
      en: "This application is not waiting for you. You can find what you handled under Received → Done.",
    },
  },
  HALL_CANNOT_WITHDRAW: {
    trpc: "CONFLICT",
    http: 409,
    message: {
      zh: "审批人已处理该事项，不能撤回。如需变更，请联系审批人。",
      en: "An approver has already acted on this application, so it can no longer be withdrawn. To change it, contact the approver.",
    },
  },
  HALL_NOT_EDITABLE: {
    trpc: "CONFLICT",
    http: 409,
    message: {
      zh: "该事项已提交，不能再修改。如被退回，可在「发出的事项」中修改后重新提交。",
      en: "This application has been submitted and can no longer be changed. If it is returned to you, correct it under Sent and submit it again.",
    },
  },
  HALL_COMMENT_REQUIRED: {
    trpc: "BAD_REQUEST",
    http: 400,
    message: {
      zh: "退回或拒绝时请填写意见，告诉申请人原因和下一步怎么做。",
      en: "When you return or reject an application, write a comment telling the applicant why and what to do next.",
    },
  },
  HALL_NO_APPROVER: {
    trpc: "CONFLICT",
    http: 409,
    message: {
      zh: "审批流程第 {step} 步暂无审批人，事项无法送达。请联系学校管理员设置审批人。",
      en: "Step {step} of the approval chain has no approver, so the application cannot go on. Please ask your school's IT office to set one.",
    },
  },
} as const satisfies Record<string, ErrorCatalogEntry>;
