import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PayoutSummary } from './finance.api';

const COLORS: Record<PayoutSummary['status'], string> = {
  draft: 'blue',
  paid: 'teal',
  cancelled: 'gray',
};

export function PayoutStatusBadge({ status }: { status: PayoutSummary['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={COLORS[status]} c="dark.7">
      {t(`finance:payouts.status.${status}`)}
    </Badge>
  );
}
