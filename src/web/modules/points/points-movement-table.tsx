import { Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n';
import type { PointsMovement } from './points.api';

/** What a movement was, in words: its kind, and the campaign or organisation it went to. */
function useDescribe() {
  const { t } = useTranslation();
  const f = useFormat();
  const title = (c: { titleJa: string | null; titleEn: string | null }) =>
    (f.locale === 'ja' ? c.titleJa : c.titleEn) || c.titleJa || c.titleEn || '';
  const name = (p: { nameJa: string | null; nameEn: string | null }) =>
    (f.locale === 'ja' ? p.nameJa : p.nameEn) || p.nameJa || p.nameEn || '';
  return (m: PointsMovement) => {
    const kind = t(`points:kind.${m.kind}`, { defaultValue: m.kind });
    const to = m.campaign ? title(m.campaign) : m.partner ? name(m.partner) : '';
    return to ? t('points:history.kindTo', { kind, to }) : kind;
  };
}

/** The employee's point movements: date, what, fiscal year, points (signed) and their yen value. */
export function PointsMovementTable({
  items,
  yearLabel,
}: {
  items: PointsMovement[];
  yearLabel: (fiscalYear: number) => string;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const describe = useDescribe();
  return (
    <Table striped verticalSpacing="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('points:history.date')}</Table.Th>
          <Table.Th>{t('points:history.what')}</Table.Th>
          <Table.Th>{t('points:fiscalYear')}</Table.Th>
          <Table.Th ta="right">{t('points:history.points')}</Table.Th>
          <Table.Th ta="right">{t('points:history.value')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((m) => (
          <Table.Tr key={m.postingId}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.date(m.effectiveOn)}</Table.Td>
            <Table.Td>
              <Group gap="xs">
                <Text size="sm">{describe(m)}</Text>
                {m.reversal && (
                  <Badge size="sm" variant="light" color="orange" c="orange.9">
                    {t('points:history.reversal')}
                  </Badge>
                )}
              </Group>
              {m.memo && (
                <Text size="xs" c="dimmed">
                  {m.memo}
                </Text>
              )}
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{yearLabel(m.fiscalYear)}</Table.Td>
            <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
              <Text span size="sm" fw={600} c={m.points < 0 ? 'red.9' : 'teal.9'}>
                {m.points > 0 ? '+' : ''}
                {f.number(m.points)}
              </Text>
            </Table.Td>
            <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
              {f.money(m.valueJpy, 'JPY')}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
