import type { TFunction } from 'i18next';
import { fiscalYearLabel } from '../../../shared/fiscal-year';
import { type Formatters, useFormat } from '../../i18n';
import { useOrganisation } from '../organisations/organisations.api';

type Named = { code?: string; nameJa: string | null; nameEn: string | null };
type Titled = { code?: string; titleJa: string | null; titleEn: string | null };

/** An organisation's name in the UI language (the other one when it has none), else its code. */
export function partnerName(p: Named | null | undefined, f: Formatters): string {
  if (!p) return '';
  return (f.locale === 'ja' ? p.nameJa || p.nameEn : p.nameEn || p.nameJa) || p.code || '';
}

export function campaignTitle(c: Titled | null | undefined, f: Formatters): string {
  if (!c) return '';
  return (f.locale === 'ja' ? c.titleJa || c.titleEn : c.titleEn || c.titleJa) || c.code || '';
}

/** An amount in its unit: points ("50 points", "50 ポイント") or money ("¥5,000", "$10.50"). */
export function amountText(amount: number, unit: string, f: Formatters, t: TFunction): string {
  return unit === 'PTS'
    ? t('finance:points', { count: amount, value: f.number(amount) })
    : f.money(amount, unit);
}

/** A fresh idempotency key for one user action (a retry of the same action reuses it). */
export function newIdempotencyKey(): string {
  return globalThis.crypto.randomUUID();
}

/** Today in the viewer's calendar, as YYYY-MM-DD. */
export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A fiscal year's label in the UI language and the organisation's convention ("2025年度", "fiscal 2026"). */
export function useYearLabel(): (year: number) => string {
  const f = useFormat();
  const org = useOrganisation().data;
  return (year) =>
    org
      ? fiscalYearLabel(year, f.locale, {
          startMonth: org.fiscalYearStartMonth,
          labelJa: org.fyLabelJa,
          labelEn: org.fyLabelEn,
        })
      : String(year);
}
