// The app router: by audience (school: anyone on a school's host; me: the
// signed-in member; admin: the school's back office; vendor: the platform
// operator), then by domain, one file each.
import { adminAccountsRouter } from "./routers/admin/accounts";
import { adminAuditRouter } from "./routers/admin/audit";
import { adminBrandingRouter } from "./routers/admin/branding";
import { adminGoLiveRouter } from "./routers/admin/go-live";
import { adminCodesRouter } from "./routers/admin/codes";
import { adminDirectoryRouter } from "./routers/admin/directory";
import { adminHelpRouter } from "./routers/admin/help";
import { adminHelpdeskRouter } from "./routers/admin/helpdesk";
import { adminIdentityRouter } from "./routers/admin/identity";
import { adminMemberPageRouter } from "./routers/admin/member-page";
import { adminOutboxRouter } from "./routers/admin/outbox";
import { adminRosterRouter } from "./routers/admin/roster";
import { adminSettingsRouter } from "./routers/admin/settings";
import { adminSyncJobsRouter } from "./routers/admin/sync-jobs";
import { adminWecomRouter } from "./routers/admin/wecom";
import { meBindingRouter } from "./routers/me/binding";
import { meTroubleshootRouter } from "./routers/me/troubleshoot";
import { meHallRouter } from "./routers/me/hall";
import { meJourneyRouter } from "./routers/me/journey";
import { mePasswordRouter } from "./routers/me/password";
import { mePhoneRouter } from "./routers/me/phone";
import { meProfileRouter } from "./routers/me/profile";
import { schoolDevOutboxRouter } from "./routers/school/dev-outbox";
import { schoolHelpRouter } from "./routers/school/help";
import { schoolInviteRouter } from "./routers/school/invite";
import { schoolJoinRouter } from "./routers/school/join";
import { schoolTenantRouter } from "./routers/school/tenant";
import { vendorAuditRouter } from "./routers/vendor/audit";
import { vendorCodesRouter } from "./routers/vendor/codes";
import { vendorDomainsRouter } from "./routers/vendor/domains";
import { vendorHealthRouter } from "./routers/vendor/health";
import { vendorIdentityRouter } from "./routers/vendor/identity";
import { vendorPrivateOriginsRouter } from "./routers/vendor/private-origins";
import { vendorSecondFactorRouter } from "./routers/vendor/second-factor";
import { vendorTenantAdminsRouter } from "./routers/vendor/tenant-admins";
import { vendorTenantsRouter } from "./routers/vendor/tenants";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  school: createTRPCRouter({
    tenant: schoolTenantRouter,
    devOutbox: schoolDevOutboxRouter,
    join: schoolJoinRouter,
    invite: schoolInviteRouter,
    help: schoolHelpRouter,
  }),
  me: createTRPCRouter({
    profile: meProfileRouter,
    password: mePasswordRouter,
    journey: meJourneyRouter,
    binding: meBindingRouter,
    phone: mePhoneRouter,
    troubleshoot: meTroubleshootRouter,
    hall: meHallRouter,
  }),
  admin: createTRPCRouter({
    directory: adminDirectoryRouter,
    member: adminMemberPageRouter,
    accounts: adminAccountsRouter,
    audit: adminAuditRouter,
    goLive: adminGoLiveRouter,
    wecom: adminWecomRouter,
    syncJobs: adminSyncJobsRouter,
    settings: adminSettingsRouter,
    branding: adminBrandingRouter,
    outbox: adminOutboxRouter,
    helpdesk: adminHelpdeskRouter,
    help: adminHelpRouter,
    identity: adminIdentityRouter,
    codes: adminCodesRouter,
    roster: adminRosterRouter,
  }),
  vendor: createTRPCRouter({
    tenants: vendorTenantsRouter,
    tenantAdmins: vendorTenantAdminsRouter,
    domains: vendorDomainsRouter,
    secondFactor: vendorSecondFactorRouter,
    identity: vendorIdentityRouter,
    codes: vendorCodesRouter,
    privateOrigins: vendorPrivateOriginsRouter,
    health: vendorHealthRouter,
    audit: vendorAuditRouter,
  }),
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
