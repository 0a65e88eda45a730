import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { ApiError } from './api/client';
import { meQuery } from './api/session';
import { AppLayout } from './components/app-layout';
import { PageLoader } from './components/feedback';
import { guarded, NotFoundPage, RouteError } from './components/route-states';
import { AuditPage } from './modules/audit/audit-page';
import { SignInPage } from './modules/auth/sign-in-page';
import { HomePage } from './modules/home/home-page';
import { CompaniesPage } from './modules/organisations/companies-page';
import { DepartmentsPage } from './modules/organisations/departments-page';
import { SettingsPage } from './modules/organisations/settings-page';
import { SitesPage } from './modules/organisations/sites-page';
import { EmployeesPage } from './modules/people/employees-page';
import { parseNotificationsSearch, parseOutboxSearch } from './modules/notifications/notifications.api';
import { NotificationsPage } from './modules/notifications/notifications-page';
import { OutboxPage } from './modules/notifications/outbox-page';
import { ApprovalsPage } from './modules/participation/approvals-page';
import { CertificatePage } from './modules/participation/certificate-page';
import { CheckInPage } from './modules/participation/check-in-page';
import { MyActivitiesPage } from './modules/participation/my-activities-page';
import { parseApprovalsSearch, parseFiscalYearSearch } from './modules/participation/participation-search';
import { RosterPage } from './modules/participation/roster-page';
import { ManageOpportunitiesPage } from './modules/opportunities/manage-opportunities-page';
import { OpportunitiesPage } from './modules/opportunities/opportunities-page';
import { parseManageSearch, parseOpportunitiesSearch } from './modules/opportunities/opportunities-search';
import { OpportunityCreatePage, OpportunityEditPage } from './modules/opportunities/opportunity-form';
import { OpportunityPage } from './modules/opportunities/opportunity-page';
import { ProfilePage } from './modules/profile/profile-page';
import { MyPointsPage } from './modules/points/my-points-page';
import { parseGrantsSearch } from './modules/points/points.api';
import { PointsAdminPage } from './modules/points/points-admin-page';
import { CampaignPage } from './modules/campaigns/campaign-page';
import { CampaignsPage } from './modules/campaigns/campaigns-page';
import { parseCampaignsSearch, parseManageCampaignsSearch } from './modules/campaigns/campaigns-search';
import { ManageCampaignsPage } from './modules/campaigns/manage-campaigns-page';
import { PartnersPage } from './modules/partners/partners-page';
import { DrivePage } from './modules/drives/drive-page';
import { DrivesPage } from './modules/drives/drives-page';
import { parseReportSearch } from './modules/drives/drives-search';
import { ItemsPage as CollectionItemsPage } from './modules/drives/items-page';
import { ReportPage as DriveReportPage } from './modules/drives/report-page';
import { GuidelinesPage } from './modules/screening/guidelines-page';
import { ScreeningPage } from './modules/screening/screening-page';
import { ProgramCreatePage, ProgramEditPage } from './modules/programs/program-form';
import { ProgramPage } from './modules/programs/program-page';
import { ClassRequestsPage } from './modules/certifications/class-requests-page';
import { CriteriaPage } from './modules/evaluation/criteria-page';
import { parseClassRequestsSearch } from './modules/certifications/class-requests-search';
import { RequestClassPage } from './modules/certifications/request-class-page';
import { ProgramsPage } from './modules/programs/programs-page';
import { parseProgramsSearch } from './modules/programs/programs-search';
import { parsePartnersSearch } from './modules/partners/partners-search';
import { PartnerPage } from './modules/partners/partner-page';
import { AgreementsPage } from './modules/agreements/agreements-page';
import { parseAgreementsSearch } from './modules/agreements/agreements-search';
import { FxRatesPage } from './modules/finance/fx-rates-page';
import { LedgerPage } from './modules/finance/ledger-page';
import { PayoutsPage } from './modules/finance/payouts-page';
import { parseFxRatesSearch, parseLedgerSearch, parsePayoutsSearch } from './modules/finance/finance-search';
import { ClaimApprovalsPage } from './modules/claims/approvals-page';
import {
  parseClaimApprovalsSearch,
  parseMyClaimsSearch,
  parseReimbursementsSearch,
} from './modules/claims/claims-search';
import { MyClaimsPage } from './modules/claims/my-claims-page';
import { ReimbursementsPage } from './modules/claims/reimbursements-page';
import { FinanceDonationsPage } from './modules/donations/finance-donations-page';
import { MyDonationsPage } from './modules/donations/my-donations-page';
import { ReceiptPage } from './modules/donations/receipt-page';
import {
  parseFinanceDonationsSearch,
  parseMyDonationsSearch,
  parseReceiptSearch,
} from './modules/donations/donations-search';
import { RestatementsPage } from './modules/accounting/restatements-page';
import { TotalsPage } from './modules/accounting/totals-page';
import { YearsPage } from './modules/accounting/years-page';
import { ExpensesPage } from './modules/expenses/expenses-page';
import { GoalsPage } from './modules/goals/goals-page';
import { parseGoalsSearch } from './modules/goals/goals-search';
import { MetricsPage } from './modules/goals/metrics-page';
import { parseExpensesSearch, parseYearSearch } from './modules/expenses/expenses-search';
import { KpiDashboardPage } from './modules/kpi/kpi-dashboard-page';
import { RecordsPage as ReportRecordsPage } from './modules/reports/records-page';
import { ReportEditorPage } from './modules/reports/report-editor-page';
import { ReportsPage } from './modules/reports/reports-page';
import { parseRecordsSearch } from './modules/reports/reports-search';
import { parseKpiSearch } from './modules/kpi/kpi-search';
import { UsersPage } from './modules/users/users-page';
import { RegistrationPage } from './modules/volunteering/registration-page';
import { SkillsPage } from './modules/volunteering/skills-page';
import { VolunteersPage } from './modules/volunteering/volunteers-page';
import { parseVolunteersSearch } from './modules/volunteering/volunteers-search';
import {
  parseAuditSearch,
  parseByCompanySearch,
  parseEmployeesSearch,
  parseSignInSearch,
  parseUsersSearch,
} from './search-params';

/** A request answered "please sign in" (the session expired or ended elsewhere): back to sign-in. */
function handle(error: unknown, key?: readonly unknown[]) {
  if (!(error instanceof ApiError) || error.code !== 'unauthenticated' || key?.[0] === 'me') return;
  queryClient.setQueryData(meQuery.queryKey, null);
  void router.navigate({ to: '/sign-in', search: { redirect: router.state.location.href } });
}

/** One query client: lists stay fresh for 30 s, refused (4xx) requests are not retried. */
export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (error, query) => handle(error, query.queryKey) }),
  mutationCache: new MutationCache({ onError: (error) => handle(error, ['mutation']) }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (count, error) =>
        !(error instanceof ApiError && error.status < 500 && error.status > 0) && count < 2,
    },
  },
});

const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
  errorComponent: RouteError,
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: parseSignInSearch,
  beforeLoad: async ({ context, search }) => {
    if (await context.queryClient.ensureQueryData(meQuery)) throw redirect({ to: search.redirect ?? '/' });
  },
  component: SignInPage,
});

/** Every page behind sign-in hangs under this pathless layout route. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    if (!(await context.queryClient.ensureQueryData(meQuery)))
      throw redirect({ to: '/sign-in', search: { redirect: location.href } });
  },
  component: AppLayout,
});

/** The public page where schools and municipalities request a class: no sign-in, outside the app layout. */
const requestClassRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/request-class/$orgCode',
  component: RequestClassPage,
});

const routeTree = rootRoute.addChildren([
  signInRoute,
  requestClassRoute,
  appRoute.addChildren([
    createRoute({ getParentRoute: () => appRoute, path: '/', component: HomePage }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/organisation/settings',
      component: guarded('org.read', SettingsPage),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/organisation/companies',
      component: guarded('org.read', CompaniesPage),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/organisation/sites',
      validateSearch: parseByCompanySearch,
      component: guarded('org.read', SitesPage),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/organisation/departments',
      validateSearch: parseByCompanySearch,
      component: guarded('org.read', DepartmentsPage),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/employees',
      validateSearch: parseEmployeesSearch,
      component: guarded('people.read', EmployeesPage),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/users',
      validateSearch: parseUsersSearch,
      component: guarded('roles.read', UsersPage),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/audit',
      validateSearch: parseAuditSearch,
      component: guarded('audit.read', AuditPage),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/admin/mail',
      validateSearch: parseOutboxSearch,
      component: guarded('mail.read', OutboxPage),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/notifications',
      validateSearch: parseNotificationsSearch,
      component: guarded('self.read', NotificationsPage),
    }),
    createRoute({ getParentRoute: () => appRoute, path: '/profile', component: ProfilePage }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/volunteering/profile',
      component: guarded('volunteering.join', RegistrationPage),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/volunteers',
      validateSearch: parseVolunteersSearch,
      component: guarded('volunteers.read', VolunteersPage),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/volunteering/skills',
      component: guarded('volunteers.manage', SkillsPage),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/volunteering/activities',
      component: guarded('volunteering.join', MyActivitiesPage),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/volunteering/certificate',
      validateSearch: parseFiscalYearSearch,
      component: guarded('volunteering.join', CertificatePage),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/volunteering/approvals',
      validateSearch: parseApprovalsSearch,
      component: guarded('hours.approve', ApprovalsPage),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/opportunities',
      validateSearch: parseOpportunitiesSearch,
      component: guarded('opportunities.read', OpportunitiesPage),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/opportunities/manage',
      validateSearch: parseManageSearch,
      component: guarded('opportunities.manage', ManageOpportunitiesPage),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/opportunities/new',
      component: guarded('opportunities.manage', OpportunityCreatePage),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/opportunities/$id',
      component: guarded('opportunities.read', OpportunityPage),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/opportunities/$id/edit',
      component: guarded('opportunities.manage', OpportunityEditPage),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/opportunities/$id/shifts/$shiftId/attendance',
      component: guarded('volunteers.read', RosterPage),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/check-in/$code',
      component: guarded('volunteering.join', CheckInPage),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/volunteering/kpis',
      validateSearch: parseKpiSearch,
      component: guarded('kpi.read', KpiDashboardPage),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/giving/points',
      component: guarded('giving.join', MyPointsPage),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/finance/points',
      validateSearch: parseGrantsSearch,
      component: guarded('ledger.read', PointsAdminPage),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/giving/campaigns',
      validateSearch: parseCampaignsSearch,
      component: guarded('campaigns.read', CampaignsPage),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/giving/campaigns/manage',
      validateSearch: parseManageCampaignsSearch,
      component: guarded('campaigns.manage', ManageCampaignsPage),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/giving/campaigns/$id',
      component: guarded('campaigns.read', CampaignPage),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/giving/claims',
      validateSearch: parseMyClaimsSearch,
      component: guarded('giving.join', MyClaimsPage),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/giving/claims/approvals',
      validateSearch: parseClaimApprovalsSearch,
      component: guarded('claims.approve', ClaimApprovalsPage),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/finance/reimbursements',
      validateSearch: parseReimbursementsSearch,
      component: guarded('ledger.read', ReimbursementsPage),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/programs',
      validateSearch: parseProgramsSearch,
      component: guarded('programs.read', ProgramsPage),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/programs/new',
      component: guarded('programs.manage', ProgramCreatePage),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/programs/$id',
      component: guarded('programs.read', ProgramPage),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/programs/$id/edit',
      component: guarded('programs.manage', ProgramEditPage),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/programs/class-requests',
      validateSearch: parseClassRequestsSearch,
      component: guarded('programs.manage', ClassRequestsPage),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/drives',
      component: guarded('drives.read', DrivesPage),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/drives/report',
      validateSearch: parseReportSearch,
      component: guarded('drives.report', DriveReportPage),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/drives/items',
      component: guarded('drives.manage', CollectionItemsPage),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/evaluation/criteria',
      component: guarded('programs.read', CriteriaPage),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/drives/$id',
      component: guarded('drives.read', DrivePage),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/partners',
      validateSearch: parsePartnersSearch,
      component: guarded('partners.read', PartnersPage),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/partners/agreements',
      validateSearch: parseAgreementsSearch,
      component: guarded('partners.read', AgreementsPage),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/partners/$id',
      component: guarded('partners.read', PartnerPage),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/partners/guidelines',
      component: guarded('partners.read', GuidelinesPage),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/partners/$id/screening',
      component: guarded('partners.read', ScreeningPage),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/finance/ledger',
      validateSearch: parseLedgerSearch,
      component: guarded('ledger.read', LedgerPage),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/finance/payouts',
      validateSearch: parsePayoutsSearch,
      component: guarded('ledger.read', PayoutsPage),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/finance/fx-rates',
      validateSearch: parseFxRatesSearch,
      component: guarded('ledger.read', FxRatesPage),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/giving/donations',
      validateSearch: parseMyDonationsSearch,
      component: guarded('giving.join', MyDonationsPage),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/giving/donations/receipt',
      validateSearch: parseReceiptSearch,
      component: guarded('giving.join', ReceiptPage),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/finance/donations',
      validateSearch: parseFinanceDonationsSearch,
      component: guarded('ledger.read', FinanceDonationsPage),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/accounting/expenses',
      validateSearch: parseExpensesSearch,
      component: guarded('expenses.read', ExpensesPage),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/accounting/years',
      component: guarded('expenses.read', YearsPage),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/accounting/years/$fiscalYear/restatements',
      component: guarded('expenses.read', RestatementsPage),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/accounting/totals',
      validateSearch: parseYearSearch,
      component: guarded('expenses.read', TotalsPage),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/goals',
      validateSearch: parseGoalsSearch,
      component: guarded('goals.read', GoalsPage),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/goals/metrics',
      component: guarded('goals.read', MetricsPage),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/reports',
      component: guarded('reports.read', ReportsPage),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/reports/$fy',
      component: guarded('reports.read', ReportEditorPage),
    }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/reports/$fy/records',
      validateSearch: parseRecordsSearch,
      component: guarded('reports.read', ReportRecordsPage),
    }),
  ]),
]);

export const router = createRouter({
  routeTree,
  context: { queryClient },
  defaultPreload: 'intent',
  defaultPreloadStaleTime: 0,
  defaultPendingComponent: PageLoader,
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
