import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Partner } from '../../../server/modules/partners/partners.schema';
import { api } from '../../api/client';
import { QueryState } from '../../components/feedback';
import { PageHeader } from '../../components/page-header';
import { useFormat } from '../../i18n';
import { PartnerScreenings } from './partner-screenings';
import { pick } from './screening-text';

/** `/partners/$id/screening`: one partner's eligibility and its screenings against the guidelines. */
export function ScreeningPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { id } = useParams({ strict: false }) as { id: string };
  const partner = useQuery({
    queryKey: ['partners', 'one', id],
    queryFn: () => api<Partner>(`/api/partners/${id}`),
  });
  return (
    <QueryState query={partner}>
      {(p) => (
        <Stack>
          <PageHeader
            title={t('screening:page.title', { name: pick(f.locale, p.nameJa, p.nameEn) })}
            description={
              <Group gap="sm" component="span">
                <Anchor component={Link} to="/partners" size="sm" underline="always">
                  {t('screening:nav.partners')}
                </Anchor>
                <Badge component="span" variant="light" color={p.eligible ? 'teal' : 'yellow'} c="dark.7">
                  {p.eligible ? t('screening:page.eligible') : t('screening:page.notEligible')}
                </Badge>
                {p.eligibleUntil && (
                  <Text component="span" size="sm">
                    {t('screening:page.eligibleUntil', { date: f.date(p.eligibleUntil) })}
                  </Text>
                )}
              </Group>
            }
          />
          <PartnerScreenings partnerId={p.id} />
        </Stack>
      )}
    </QueryState>
  );
}
