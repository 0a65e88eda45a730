import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/client';
import { FormError, notifySuccess } from '../../components/feedback';
import { useFormat } from '../../i18n';
import { useDonationAmount } from './donation-badges';
import { type ConfirmedStatus, type DonationAdmin, recipientOf, useConfirmDonation } from './donations.api';

/** Asks before changing a donation; one event id per opening, so a double click changes it once. */
export function DonationStatusModal({
  d,
  to,
  onClose,
}: {
  d: DonationAdmin;
  to: ConfirmedStatus;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const amountOf = useDonationAmount();
  const confirm = useConfirmDonation();
  const [eventId] = useState(() => `app-${crypto.randomUUID()}`);
  const [externalRef, setExternalRef] = useState(d.externalRef ?? '');
  const params = { name: f.name(d.employee), amount: amountOf(d), recipient: recipientOf(f.locale, d).title };
  const submit = () =>
    confirm.mutate(
      {
        id: d.id,
        body: { status: to, eventId, ...(externalRef.trim() ? { externalRef: externalRef.trim() } : {}) },
      },
      {
        onSuccess: () => {
          notifySuccess(t(`donations:finance.done.${to}`, params));
          onClose();
        },
      },
    );
  return (
    <Modal
      opened
      onClose={onClose}
      title={t(`donations:finance.confirmTitle.${to}`)}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack>
        <FormError error={confirm.error} />
        <Text>{t(`donations:finance.confirmMessage.${to}`, params)}</Text>
        {to !== 'refunded' && (
          <TextInput
            label={t('donations:column.externalRef')}
            description={t('donations:finance.externalRefHelp')}
            value={externalRef}
            onChange={(e) => setExternalRef(e.currentTarget.value)}
            maxLength={200}
            error={fieldErrors(confirm.error).externalRef}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color={to === 'paid' ? 'teal.9' : 'red'} loading={confirm.isPending} onClick={submit}>
            {t(`donations:finance.action.${to}`)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
