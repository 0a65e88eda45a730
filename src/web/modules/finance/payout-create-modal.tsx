import { Alert, Button, Group, Modal, MultiSelect, Select, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError, notifySuccess } from '../../components/feedback';
import { useFormat } from '../../i18n';
import { usePayables, usePayoutActions } from './finance.api';
import { partnerName } from './finance-format';

/** Drafts a payout: one currency, every organisation owed something unless some are chosen. */
export function PayoutCreateModal({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const payables = usePayables();
  const { create } = usePayoutActions();
  const currencies = (payables.data?.totals ?? []).filter((c) => c.unbatchedMinor > 0);
  const [currency, setCurrency] = useState<string | null>(null);
  const chosen = currency ?? currencies[0]?.currency ?? null;
  const [partnerIds, setPartnerIds] = useState<string[]>([]);
  const owed = new Map<string, { label: string; amount: number; bankReady: boolean }>();
  for (const p of payables.data?.items ?? []) {
    if (p.currency !== chosen || p.openPayout) continue;
    const o = owed.get(p.partner.id) ?? {
      label: `${p.partner.code} · ${partnerName(p.partner, f)}`,
      amount: 0,
      bankReady: p.partner.bankReady,
    };
    owed.set(p.partner.id, { ...o, amount: o.amount + p.amountMinor });
  }
  const noBank = [...owed.entries()].filter(
    ([id, o]) => !o.bankReady && (partnerIds.length === 0 || partnerIds.includes(id)),
  ).length;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!chosen) return;
    create.mutate(
      { currency: chosen, partnerIds: partnerIds.length ? partnerIds : undefined },
      {
        onSuccess: (payout) => {
          notifySuccess(t('finance:payouts.created', { reference: payout.reference }));
          onCreated(payout.id);
        },
      },
    );
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('finance:payouts.createTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormError error={create.error} />
          <Text size="sm">{t('finance:payouts.createHelp')}</Text>
          {payables.isSuccess && currencies.length === 0 && (
            <Alert color="blue" icon={<IconInfoCircle aria-hidden />}>
              {t('finance:payouts.nothingLeft')}
            </Alert>
          )}
          <Select
            label={t('finance:payouts.currency')}
            required
            allowDeselect={false}
            data={currencies.map((c) => ({
              value: c.currency,
              label: `${c.currency} · ${f.money(c.unbatchedMinor, c.currency)}`,
            }))}
            value={chosen}
            onChange={(v) => {
              setCurrency(v);
              setPartnerIds([]);
            }}
            nothingFoundMessage={t('finance:payables.empty')}
          />
          <MultiSelect
            label={t('finance:payouts.only')}
            description={t('finance:payouts.onlyHelp')}
            placeholder={t('finance:payouts.everyone')}
            searchable
            clearable
            data={[...owed.entries()].map(([id, o]) => ({
              value: id,
              label: `${o.label} (${chosen ? f.money(o.amount, chosen) : ''})${o.bankReady ? '' : ` ${t('finance:payables.noBankShort')}`}`,
            }))}
            value={partnerIds}
            onChange={setPartnerIds}
          />
          {noBank > 0 && (
            <Alert color="orange" icon={<IconInfoCircle aria-hidden />}>
              {t('finance:payouts.noBankWarning', { count: noBank })}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!chosen}>
              {t('finance:payouts.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
