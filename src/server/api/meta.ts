// Procedure metadata. `probe` builds an input that aims at another school's
// data; the cross-tenant suite calls every procedure with it and proves the
// other school's data never comes back. Every procedure that takes input must
// declare one (the suite fails for any that does not).

/** Ids and values of another tenant's rows, for probes. */
export type ForeignTenantRows = {
  tenantId: string;
  slug: string;
  memberId: string;
  memberAccount: string;
  memberPhone: string;
  memberName: string;
  adminId: string;
  identityKindId: string;
  /** A failed WeCom sync job of the other tenant. */
  failedSyncJobId: string;
  /** An open helpdesk case of the other tenant's member. */
  helpdeskCaseId: string;
  /** A previewed roster import of the other tenant. */
  importJobId: string;
  /** A help page of the other tenant, by id and by its address. */
  helpPageId: string;
  helpPageSlug: string;
  /** A service of the other tenant's hall, and an application its member submitted to it. */
  hallServiceId: string;
  hallApplicationId: string;
};

export type ProcedureMeta = {
  probe?: (foreign: ForeignTenantRows) => unknown;
};
