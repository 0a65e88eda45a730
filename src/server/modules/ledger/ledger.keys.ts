import type { AccountKey } from './ledger.accounts.js';
import { BASE_CURRENCY, POINTS } from './ledger.values.js';

/**
 * The accounts of the giving ledger, by name: every module posts through these, so one account means
 * one thing everywhere (docs/decisions/0009-ledger.md has the flows).
 */
export const account = {
  employeePoints: (employeeId: string, fiscalYear: number): AccountKey => ({
    kind: 'employee_points',
    unit: POINTS,
    employeeId,
    fiscalYear,
  }),
  pointsGranted: (fiscalYear: number): AccountKey => ({ kind: 'points_granted', unit: POINTS, fiscalYear }),
  pointsExpired: (fiscalYear: number): AccountKey => ({ kind: 'points_expired', unit: POINTS, fiscalYear }),
  pointsReimbursed: (fiscalYear: number): AccountKey => ({
    kind: 'points_reimbursed',
    unit: POINTS,
    fiscalYear,
  }),
  pointsDonated: (fiscalYear: number): AccountKey => ({ kind: 'points_donated', unit: POINTS, fiscalYear }),
  pointsFunding: (fiscalYear: number): AccountKey => ({
    kind: 'points_funding',
    unit: BASE_CURRENCY,
    fiscalYear,
  }),
  employeeGiving: (currency: string): AccountKey => ({ kind: 'employee_giving', unit: currency }),
  companyGiving: (companyId: string, currency: string): AccountKey => ({
    kind: 'company_giving',
    unit: currency,
    companyId,
  }),
  payable: (partnerId: string, campaignId: string | null, currency: string): AccountKey => ({
    kind: 'payable',
    unit: currency,
    partnerId,
    campaignId,
  }),
  paidOut: (partnerId: string, currency: string): AccountKey => ({
    kind: 'paid_out',
    unit: currency,
    partnerId,
  }),
};
