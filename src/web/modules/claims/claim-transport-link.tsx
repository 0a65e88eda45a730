import { Button } from '@mantine/core';
import { IconReceipt } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../api/session';
import { useEligible } from './claims.api';

/**
 * "Claim transport" on a row of the volunteering history: shown for an attended sign-up that allows a
 * claim and has none yet (the rows share one request for what is eligible). Opens the claim form on it.
 */
export function ClaimTransportLink({ signupId, name }: { signupId: string | null; name: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const eligible = useEligible(!!signupId && can('giving.join'));
  if (!signupId || !eligible.data?.items.some((a) => a.signupId === signupId)) return null;
  return (
    <Button
      size="xs"
      variant="light"
      leftSection={<IconReceipt size={14} aria-hidden />}
      aria-label={t('claims:history.claimNamed', { name })}
      renderRoot={(props) => <Link to="/giving/claims" search={{ signupId }} {...props} />}
    >
      {t('claims:history.claim')}
    </Button>
  );
}
