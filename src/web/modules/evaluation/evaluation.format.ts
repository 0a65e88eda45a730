import { useTranslation } from 'react-i18next';
import { fiscalYearLabel, fiscalYearOf } from '../../../shared/fiscal-year';
import { useFormat } from '../../i18n';
import { useOrganisation } from '../organisations/organisations.api';

/** Names fiscal years in the UI language under the organisation's settings; also gives the current one. */
export function useFiscalYears() {
  const f = useFormat();
  const org = useOrganisation();
  const settings = org.data
    ? { startMonth: org.data.fiscalYearStartMonth, labelJa: org.data.fyLabelJa, labelEn: org.data.fyLabelEn }
    : { startMonth: 4, labelJa: 'start' as const, labelEn: 'end' as const };
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date());
  return {
    label: (fy: number) => fiscalYearLabel(fy, f.locale, settings),
    current: fiscalYearOf(today, settings.startMonth),
  };
}

/** `ja`/`en` of the UI language. */
export function useLocale(): 'ja' | 'en' {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'ja';
}
