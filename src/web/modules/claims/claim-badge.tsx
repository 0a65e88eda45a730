import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ClaimStatus } from './claims.api';

const COLORS: Record<ClaimStatus, string> = {
  pending: 'orange',
  approved: 'teal',
  rejected: 'red',
  withdrawn: 'gray',
};

/** The state of an expense claim, in words and colour. */
export function ClaimBadge({ status }: { status: ClaimStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} c="dark.7" variant="light" style={{ textTransform: 'none' }}>
      {t(`claims:status.${status}`)}
    </Badge>
  );
}
