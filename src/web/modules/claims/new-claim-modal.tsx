import { Alert, Button, Group, Modal, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/client';
import { useMe } from '../../api/session';
import { PageLoader, LoadError, notifySuccess } from '../../components/feedback';
import { FormModal } from '../../components/form-modal';
import { useFormat } from '../../i18n';
import { titleIn } from '../participation/participation-badges';
import { type Eligible, useCreateClaim, useEligible } from './claims.api';
import { ReceiptInput, receiptProblem, receiptType } from './receipt-input';

type Values = {
  signupId: string | null;
  points: number | string;
  route: string;
  note: string;
  receipt: File | null;
};

/** Claims transport points for an attended activity: which one, how many points, the route and a receipt. */
export function NewClaimModal({ signupId, onClose }: { signupId?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const eligible = useEligible();
  const title = t('claims:form.title');
  if (eligible.isPending || eligible.isError || eligible.data.items.length === 0 || eligible.data.balance < 1)
    return (
      <Modal opened onClose={onClose} title={title} closeButtonProps={{ 'aria-label': t('common.close') }}>
        {eligible.isPending ? (
          <PageLoader />
        ) : eligible.isError ? (
          <LoadError error={eligible.error} onRetry={() => eligible.refetch()} />
        ) : (
          <Stack>
            <Alert color="blue" icon={<IconInfoCircle aria-hidden />}>
              {eligible.data.items.length === 0 ? t('claims:form.noEligible') : t('claims:form.noPoints')}
            </Alert>
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.close')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    );
  return <ClaimForm eligible={eligible.data} signupId={signupId} onClose={onClose} />;
}

function ClaimForm({
  eligible,
  signupId,
  onClose,
}: {
  eligible: Eligible;
  signupId?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const me = useMe();
  const save = useCreateClaim(me.csrfToken ?? '');
  const { balance, pointValueJpy } = eligible;
  const preset = eligible.items.some((a) => a.signupId === signupId) ? signupId : undefined;
  const form = useForm<Values>({
    initialValues: {
      signupId: preset ?? (eligible.items.length === 1 ? eligible.items[0].signupId : null),
      points: '',
      route: '',
      note: '',
      receipt: null,
    },
    validate: {
      signupId: (v) => (v ? null : t('form.required')),
      points: (v) =>
        typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= balance
          ? null
          : t('claims:form.pointsRange', { max: f.number(balance) }),
      route: (v) => (v.trim() ? null : t('form.required')),
      receipt: (v) => receiptProblem(v, t),
    },
  });
  const submit = form.onSubmit((v) => {
    const receipt = v.receipt as File;
    save.mutate(
      {
        signupId: v.signupId as string,
        points: Number(v.points),
        route: v.route.trim(),
        note: v.note.trim() || undefined,
        receipt,
        receiptType: receiptType(receipt) ?? receipt.type,
      },
      {
        onSuccess: () => {
          notifySuccess(t('claims:form.saved'));
          onClose();
        },
        onError: (error) => {
          const { receiptFileId, ...rest } = fieldErrors(error);
          form.setErrors(receiptFileId ? { ...rest, receipt: receiptFileId } : rest);
        },
      },
    );
  });
  const points = typeof form.values.points === 'number' ? form.values.points : 0;
  const yen = (n: number) => f.money(n * pointValueJpy, 'JPY');
  return (
    <FormModal
      title={t('claims:form.title')}
      onClose={onClose}
      onSubmit={submit}
      error={save.error}
      saving={save.isPending}
    >
      <Select
        label={t('claims:form.activity')}
        description={t('claims:form.activityHelp')}
        data={eligible.items.map((a) => ({
          value: a.signupId,
          label: `${f.date(a.date)} · ${titleIn(f.locale, a)}`,
        }))}
        required
        searchable
        style={{ gridColumn: '1 / -1' }}
        {...form.getInputProps('signupId')}
      />
      <NumberInput
        label={t('claims:form.points')}
        description={t('claims:form.pointsHelp', { balance: f.number(balance), yen: yen(1) })}
        min={1}
        max={balance}
        allowDecimal={false}
        allowNegative={false}
        thousandSeparator=","
        required
        {...form.getInputProps('points')}
      />
      <TextInput
        label={t('claims:columns.valueJpy')}
        value={points > 0 ? t('claims:approxYen', { yen: yen(points) }) : ''}
        readOnly
        variant="filled"
        aria-live="polite"
      />
      <TextInput
        label={t('claims:form.route')}
        description={t('claims:form.routeHelp')}
        required
        maxLength={500}
        style={{ gridColumn: '1 / -1' }}
        {...form.getInputProps('route')}
      />
      <Textarea
        label={t('claims:form.note')}
        description={t('claims:form.noteHelp')}
        autosize
        minRows={2}
        maxLength={1000}
        style={{ gridColumn: '1 / -1' }}
        {...form.getInputProps('note')}
      />
      <div style={{ gridColumn: '1 / -1' }}>
        <ReceiptInput
          value={form.values.receipt}
          onChange={(file) => form.setFieldValue('receipt', file)}
          error={form.errors.receipt}
        />
      </div>
    </FormModal>
  );
}
