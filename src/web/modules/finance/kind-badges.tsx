import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PostingSummary } from './finance.api';

/** The kind of a posting, marked when it is a reversal or has been reversed. */
export function KindBadges({
  posting,
}: {
  posting: Pick<PostingSummary, 'kind' | 'reversesId' | 'reversedById'>;
}) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <Badge variant="light" color="blue" c="dark.7">
        {t(`finance:kind.${posting.kind}`)}
      </Badge>
      {posting.reversesId && (
        <Badge variant="outline" color="orange.9">
          {t('finance:ledger.reversal')}
        </Badge>
      )}
      {posting.reversedById && (
        <Badge variant="outline" color="gray.8">
          {t('finance:ledger.reversed')}
        </Badge>
      )}
    </Group>
  );
}
