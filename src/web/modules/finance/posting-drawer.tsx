import {
  Anchor,
  Button,
  Drawer,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/client';
import { useCan } from '../../api/session';
import { ScrollTable } from '../../components/data-table';
import { FormError, LoadError, PageLoader, notifySuccess } from '../../components/feedback';
import { useFormat } from '../../i18n';
import { type PostingDetail, usePosting, useReverse } from './finance.api';
import { amountText, campaignTitle, newIdempotencyKey, partnerName, useYearLabel } from './finance-format';
import { KindBadges } from './kind-badges';

/** Kinds finance reverses by hand (the server's rule); donations are refunded, payouts are final. */
const HAND_REVERSIBLE: string[] = ['grant', 'expiry', 'claim', 'company_donation'];

/** One posting: its facts and entries, and (ledger.manage) the reversal of it. */
export function PostingDrawer({
  id,
  onOpen,
  onClose,
}: {
  id: string;
  onOpen: (id: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const posting = usePosting(id);
  const p = posting.data;
  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="xl"
      title={p ? t(`finance:kind.${p.kind}`) : t('finance:posting.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {!p ? (
        posting.isError ? (
          <LoadError error={posting.error} onRetry={() => posting.refetch()} />
        ) : (
          <PageLoader />
        )
      ) : (
        <PostingBody posting={p} onOpen={onOpen} />
      )}
    </Drawer>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

function PostingBody({ posting: p, onOpen }: { posting: PostingDetail; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const yearLabel = useYearLabel();
  const canReverse =
    useCan()('ledger.manage') && !p.reversesId && !p.reversedById && HAND_REVERSIBLE.includes(p.kind);
  const [reversing, setReversing] = useState(false);
  return (
    <Stack>
      <Group justify="space-between">
        <KindBadges posting={p} />
        {canReverse && (
          <Button
            variant="light"
            color="red"
            leftSection={<IconArrowBackUp size={16} aria-hidden />}
            onClick={() => setReversing(true)}
          >
            {t('finance:posting.reverse')}
          </Button>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Fact label={t('finance:ledger.effectiveOn')}>{f.date(p.effectiveOn)}</Fact>
        <Fact label={t('finance:posting.fiscalYear')}>{yearLabel(p.fiscalYear)}</Fact>
        <Fact label={t('finance:posting.postedAt')}>{f.dateTime(p.postedAt)}</Fact>
        <Fact label={t('finance:posting.createdBy')}>
          {p.createdBy?.displayName ?? t('finance:posting.system')}
        </Fact>
        <Fact label={t('finance:posting.key')}>
          <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
            {p.idempotencyKey}
          </Text>
        </Fact>
        <Fact label={t('finance:posting.pointValue')}>{f.money(p.pointValueJpy, 'JPY')}</Fact>
        {p.memo && <Fact label={t('finance:ledger.memo')}>{p.memo}</Fact>}
        {p.reversesId && (
          <Fact label={t('finance:posting.reverses')}>
            <Anchor component="button" size="sm" onClick={() => onOpen(p.reversesId!)}>
              {t('finance:posting.openOriginal')}
            </Anchor>
          </Fact>
        )}
        {p.reversedById && (
          <Fact label={t('finance:posting.reversedBy')}>
            <Anchor component="button" size="sm" onClick={() => onOpen(p.reversedById!)}>
              {t('finance:posting.openReversal')}
            </Anchor>
          </Fact>
        )}
      </SimpleGrid>
      <Title order={2} size="h4">
        {t('finance:posting.entries')}
      </Title>
      <ScrollTable minWidth={560} label={t('finance:posting.entries')}>
        <Table withTableBorder verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('finance:posting.account')}</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>{t('finance:ledger.amount')}</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>{t('finance:ledger.valueJpy')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.entries.map((e, i) => {
              const owner = [
                e.employee ? `${f.name(e.employee)} (${e.employee.employeeNumber})` : null,
                e.company ? f.name(e.company) : null,
                e.partner ? partnerName(e.partner, f) : null,
                e.campaign ? campaignTitle(e.campaign, f) : null,
                e.fiscalYear ? yearLabel(e.fiscalYear) : null,
              ].filter(Boolean);
              return (
                // Entries have no id of their own in the contract; their order is the posting's.
                // biome-ignore lint/suspicious/noArrayIndexKey: fixed order, never re-sorted
                <Table.Tr key={`${e.accountId}-${i}`}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {t(`finance:accountKind.${e.accountKind}`, { defaultValue: e.accountKind })}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {owner.join(' · ')}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                    {amountText(e.amount, e.unit, f, t)}
                  </Table.Td>
                  <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                    {f.money(e.valueJpy, 'JPY')}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      {reversing && <ReverseModal posting={p} onClose={() => setReversing(false)} onDone={onOpen} />}
    </Stack>
  );
}

/** Asks for the reason, then reverses; a retry of the same attempt sends the same idempotency key. */
function ReverseModal({
  posting,
  onClose,
  onDone,
}: {
  posting: PostingDetail;
  onClose: () => void;
  onDone: (reversalId: string) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const reverse = useReverse();
  const [key] = useState(newIdempotencyKey);
  const [memo, setMemo] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!memo.trim()) return setMissing(true);
    reverse.mutate(
      { id: posting.id, memo: memo.trim(), idempotencyKey: key },
      {
        onSuccess: (r) => {
          notifySuccess(t('finance:posting.reversedOk'));
          onClose();
          onDone(r.posting.id);
        },
      },
    );
  };
  const serverMemoError = fieldErrors(reverse.error).memo;
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('finance:posting.reverseTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormError error={reverse.error} />
          <Text size="sm">
            {t('finance:posting.reverseConfirm', {
              kind: t(`finance:kind.${posting.kind}`),
              date: f.date(posting.effectiveOn),
            })}
          </Text>
          <Textarea
            label={t('finance:posting.reason')}
            description={t('finance:posting.reasonHelp')}
            required
            autosize
            minRows={2}
            maxLength={500}
            value={memo}
            error={missing && !memo.trim() ? t('errors:field.required') : serverMemoError}
            onChange={(e) => setMemo(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={reverse.isPending}>
              {t('finance:posting.reverse')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
