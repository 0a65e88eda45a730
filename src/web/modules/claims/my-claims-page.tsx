import { Anchor, Button, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconPlus, IconReceipt, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/confirm-button';
import { Empty, ScrollTable } from '../../components/data-table';
import { notifyError, notifySuccess, QueryState } from '../../components/feedback';
import { useSearchState } from '../../components/list-filters';
import { PageHeader } from '../../components/page-header';
import { useFormat } from '../../i18n';
import { titleIn } from '../participation/participation-badges';
import { ClaimBadge } from './claim-badge';
import { type Claim, receiptUrl, useEligible, useMyClaims, useWithdrawClaim } from './claims.api';
import type { MyClaimsSearch } from './claims-search';
import { NewClaimModal } from './new-claim-modal';

/** The employee's transport claims: their points, what they can claim for, every claim and its state. */
export function MyClaimsPage() {
  const { t } = useTranslation();
  const [search, update] = useSearchState<MyClaimsSearch>();
  const [creating, setCreating] = useState(false);
  const claims = useMyClaims();
  const open = creating || !!search.signupId;
  const close = () => {
    setCreating(false);
    if (search.signupId) update({ signupId: undefined });
  };
  return (
    <>
      <PageHeader
        title={t('claims:mine.title')}
        description={t('claims:mine.description')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
            {t('claims:mine.new')}
          </Button>
        }
      />
      <Stack gap="lg">
        <Balance />
        <Paper withBorder p="md">
          <QueryState
            query={claims}
            isEmpty={(data) => data.items.length === 0}
            empty={<Empty title={t('claims:mine.empty')} description={t('claims:mine.emptyHelp')} />}
          >
            {(data) => <ClaimsTable items={data.items} />}
          </QueryState>
        </Paper>
      </Stack>
      {open && <NewClaimModal signupId={search.signupId} onClose={close} />}
    </>
  );
}

/** The points the employee can spend now, what a point is worth, and how many activities await a claim. */
function Balance() {
  const { t } = useTranslation();
  const f = useFormat();
  const eligible = useEligible();
  if (!eligible.data) return null;
  const { balance, pointValueJpy, items } = eligible.data;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="claims-balance">
      <Group gap="xl" align="flex-end" wrap="wrap">
        <div>
          <Title order={2} size="h5" c="dimmed" fw={500} id="claims-balance">
            {t('claims:mine.balance')}
          </Title>
          <Text fz={28} fw={700} lh={1.2}>
            {t('claims:points', { points: f.number(balance) })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('claims:mine.pointValue', { yen: f.money(pointValueJpy, 'JPY') })}
          </Text>
        </div>
        <div>
          <Text size="sm" c="dimmed">
            {t('claims:mine.eligible')}
          </Text>
          <Text fz={28} fw={700} lh={1.2}>
            {f.number(items.length)}
          </Text>
        </div>
      </Group>
    </Paper>
  );
}

function ClaimsTable({ items }: { items: Claim[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <ScrollTable minWidth={900} label={t('claims:mine.title')}>
      <Table striped verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('claims:columns.activity')}</Table.Th>
            <Table.Th>{t('claims:columns.route')}</Table.Th>
            <Table.Th style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
              {t('claims:columns.points')}
            </Table.Th>
            <Table.Th>{t('claims:columns.submitted')}</Table.Th>
            <Table.Th miw={200}>{t('claims:columns.status')}</Table.Th>
            <Table.Th>{t('claims:columns.receipt')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <div>{titleIn(f.locale, c.activity)}</div>
                <Text size="xs" c="dimmed">
                  {f.date(c.activity.date)}
                </Text>
              </Table.Td>
              <Table.Td maw={260}>
                <Text size="sm">{c.route}</Text>
                {c.note && (
                  <Text size="xs" c="dimmed" lineClamp={2} title={c.note}>
                    {c.note}
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                <div>{f.number(c.points)}</div>
                {c.valueJpy !== null && (
                  <Text size="xs" c="dimmed">
                    {f.money(c.valueJpy, 'JPY')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.dateTime(c.createdAt)}</Table.Td>
              <Table.Td>
                <Stack gap={2} align="flex-start">
                  <ClaimBadge status={c.status} />
                  {c.decisionNote && (
                    <Text size="xs" c="dimmed">
                      {c.decisionNote}
                    </Text>
                  )}
                  {c.decidedAt && (
                    <Text size="xs" c="dimmed">
                      {t('claims:decidedBy', { name: c.decidedBy ?? '', date: f.dateTime(c.decidedAt) })}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                {c.receipt && (
                  <Anchor
                    href={receiptUrl(c.id)}
                    target="_blank"
                    rel="noopener"
                    aria-label={t('claims:mine.openReceipt', { name: c.receipt.name })}
                  >
                    <Group gap={4} wrap="nowrap">
                      <IconReceipt size={16} aria-hidden />
                      <Text size="sm" span lineClamp={1} maw={160}>
                        {c.receipt.name}
                      </Text>
                    </Group>
                  </Anchor>
                )}
              </Table.Td>
              <Table.Td>{c.canWithdraw && <Withdraw claim={c} />}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

function Withdraw({ claim }: { claim: Claim }) {
  const { t } = useTranslation();
  const f = useFormat();
  const withdraw = useWithdrawClaim();
  const name = titleIn(f.locale, claim.activity);
  return (
    <ConfirmButton
      icon={<IconX size={16} aria-hidden />}
      label={t('claims:mine.withdrawNamed', { name })}
      title={t('claims:mine.withdrawTitle')}
      message={t('claims:mine.withdrawMessage', { name })}
      confirmLabel={t('claims:mine.withdraw')}
      loading={withdraw.isPending}
      onConfirm={() =>
        withdraw.mutateAsync(claim.id).then(
          () => notifySuccess(t('claims:mine.withdrawn')),
          (error) => notifyError(error),
        )
      }
    />
  );
}
