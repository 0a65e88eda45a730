import { fiscalYearLabel, startYearOfReportNumber } from '../../../shared/fiscal-year';
import { useFormat } from '../../i18n';
import { useOrganisation } from '../organisations/organisations.api';

/**
 * Names a report number (the organisation's English label number, `/reports/2024`) as people read it
 * in the UI language under the organisation's settings: "2023年度" or "fiscal 2024".
 */
export function useReportYearLabel(): (n: number) => string {
  const f = useFormat();
  const org = useOrganisation();
  const settings = org.data
    ? { startMonth: org.data.fiscalYearStartMonth, labelJa: org.data.fyLabelJa, labelEn: org.data.fyLabelEn }
    : { startMonth: 4, labelJa: 'start' as const, labelEn: 'end' as const };
  return (n) => fiscalYearLabel(startYearOfReportNumber(n, settings), f.locale, settings);
}
