import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Empty, ScrollTable } from '../../components/data-table';
import { QueryState } from '../../components/feedback';
import { useFormat } from '../../i18n';
import { type Payable, usePayables } from './finance.api';
import { campaignTitle, partnerName } from './finance-format';

/** Flags on an organisation that finance must see before paying it. */
export function PartnerFlags({
  partner,
}: {
  partner: { bankReady: boolean; eligible?: boolean; status?: string };
}) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      {!partner.bankReady && (
        <Badge color="red" c="red.9" variant="light">
          {t('finance:payables.noBank')}
        </Badge>
      )}
      {partner.eligible === false && (
        <Badge color="orange" c="orange.9" variant="light">
          {t('finance:payables.notEligible')}
        </Badge>
      )}
      {partner.status === 'closed' && (
        <Badge color="gray.8" variant="outline">
          {t('finance:payables.closed')}
        </Badge>
      )}
    </Group>
  );
}

/** What each organisation is owed, per currency and campaign, with the totals per currency. */
export function PayablesSection({ onOpenPayout }: { onOpenPayout: (id: string) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const payables = usePayables();
  return (
    <Paper withBorder p="md" mb="lg">
      <Title order={2} size="h4" mb="sm">
        {t('finance:payables.title')}
      </Title>
      <QueryState
        query={payables}
        isEmpty={(data) => data.items.length === 0}
        empty={<Empty title={t('finance:payables.empty')} description={t('finance:payables.emptyHelp')} />}
      >
        {(data) => (
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
              {data.totals.map((total) => (
                <Paper key={total.currency} withBorder p="sm" radius="md">
                  <Text size="xs" c="dimmed">
                    {t('finance:payables.owedIn', { currency: f.currency(total.currency) })}
                  </Text>
                  <Text fw={700} size="xl">
                    {f.money(total.amountMinor, total.currency)}
                  </Text>
                  <Text size="xs">
                    {t('finance:payables.unbatched', {
                      amount: f.money(total.unbatchedMinor, total.currency),
                    })}
                    {' · '}
                    {t('finance:payables.partners', {
                      count: total.partners,
                      value: f.number(total.partners),
                    })}
                  </Text>
                </Paper>
              ))}
            </SimpleGrid>
            <ScrollTable minWidth={820} label={t('finance:payables.title')}>
              <Table striped verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('finance:payables.organisation')}</Table.Th>
                    <Table.Th>{t('finance:payables.campaign')}</Table.Th>
                    <Table.Th style={{ textAlign: 'right' }}>{t('finance:payables.amount')}</Table.Th>
                    <Table.Th>{t('finance:payables.inPayout')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((p) => (
                    <PayableRow key={p.accountId} payable={p} onOpenPayout={onOpenPayout} />
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          </Stack>
        )}
      </QueryState>
    </Paper>
  );
}

function PayableRow({ payable: p, onOpenPayout }: { payable: Payable; onOpenPayout: (id: string) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm">{partnerName(p.partner, f)}</Text>
        <Group gap="xs">
          <Text size="xs" c="dimmed" ff="monospace">
            {p.partner.code}
          </Text>
          <PartnerFlags partner={p.partner} />
        </Group>
      </Table.Td>
      <Table.Td>{p.campaign ? campaignTitle(p.campaign, f) : t('finance:payables.direct')}</Table.Td>
      <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
        {f.money(p.amountMinor, p.currency)}
      </Table.Td>
      <Table.Td>
        {p.openPayout ? (
          <Anchor component="button" size="sm" onClick={() => onOpenPayout(p.openPayout!.id)}>
            {p.openPayout.reference}
          </Anchor>
        ) : (
          '—'
        )}
      </Table.Td>
    </Table.Tr>
  );
}
