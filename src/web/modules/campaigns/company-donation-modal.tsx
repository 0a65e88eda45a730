import { NumberInput, Select, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/client';
import { useMe } from '../../api/session';
import { notifySuccess } from '../../components/feedback';
import { FormModal } from '../../components/form-modal';
import { CompanySelect } from '../../components/org-selects';
import { currencyDigits, useFormat } from '../../i18n';
import { currencyOptions } from '../../reference';
import {
  type Campaign,
  campaignTitle,
  managedCompanies,
  newIdempotencyKey,
  partnerName,
  useRecordCompanyDonation,
} from './campaigns.api';

type Values = {
  companyId: string | null;
  partnerId: string | null;
  amount: number | string;
  currency: string;
  donatedOn: string;
  note: string;
};

const todayLocal = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/**
 * Records the company's own donation to a campaign's beneficiary; it is posted to the ledger at
 * once and shows in the campaign's totals. One key per opened form: a retry records it once.
 */
export function CompanyDonationModal({ campaign, onClose }: { campaign: Campaign; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const me = useMe();
  const record = useRecordCompanyDonation();
  const [key] = useState(newIdempotencyKey);
  const only = managedCompanies(me.roles);
  const form = useForm<Values>({
    initialValues: {
      companyId: !only || only.includes(campaign.companyId) ? campaign.companyId : (only[0] ?? null),
      partnerId: campaign.beneficiaries[0]?.partnerId ?? null,
      amount: '',
      currency: 'JPY',
      donatedOn: todayLocal(),
      note: '',
    },
    validate: {
      companyId: (v) => (v ? null : t('form.required')),
      partnerId: (v) => (v ? null : t('form.required')),
      amount: (v) => (typeof v === 'number' && v > 0 ? null : t('campaigns:companyDonations.amountInvalid')),
      currency: (v) => (v ? null : t('form.required')),
      donatedOn: (v) => (v ? null : t('form.required')),
    },
  });
  const digits = currencyDigits(form.values.currency);
  const submit = form.onSubmit((v) =>
    record.mutate(
      {
        companyId: v.companyId as string,
        campaignId: campaign.id,
        partnerId: v.partnerId as string,
        amountMinor: Math.round(Number(v.amount) * 10 ** digits),
        currency: v.currency,
        donatedOn: v.donatedOn,
        note: v.note.trim() || null,
        idempotencyKey: key,
      },
      {
        onSuccess: (d) => {
          notifySuccess(
            t('campaigns:companyDonations.recorded', {
              amount: f.money(d.amountMinor, d.currency),
              title: campaignTitle(f.locale, campaign),
            }),
          );
          onClose();
        },
        onError: (error) => {
          const errors = fieldErrors(error);
          if (errors.amountMinor) errors.amount = errors.amountMinor;
          form.setErrors(errors);
        },
      },
    ),
  );
  return (
    <FormModal
      title={t('campaigns:companyDonations.modalTitle', { title: campaignTitle(f.locale, campaign) })}
      onClose={onClose}
      onSubmit={submit}
      error={record.error}
      saving={record.isPending}
    >
      <CompanySelect
        label={t('campaigns:companyDonations.company')}
        only={only}
        required
        allowDeselect={false}
        {...form.getInputProps('companyId')}
      />
      <Select
        label={t('campaigns:companyDonations.partner')}
        data={campaign.beneficiaries.map((b) => ({ value: b.partnerId, label: partnerName(f.locale, b) }))}
        required
        allowDeselect={false}
        {...form.getInputProps('partnerId')}
      />
      <NumberInput
        label={t('campaigns:companyDonations.amount')}
        required
        min={0}
        decimalScale={digits}
        thousandSeparator=","
        data-autofocus
        {...form.getInputProps('amount')}
      />
      <Select
        label={t('campaigns:companyDonations.currency')}
        data={currencyOptions(f.locale)}
        searchable
        required
        allowDeselect={false}
        {...form.getInputProps('currency')}
      />
      <TextInput
        type="date"
        label={t('campaigns:companyDonations.donatedOn')}
        description={t('campaigns:companyDonations.donatedOnHelp')}
        required
        max={todayLocal()}
        {...form.getInputProps('donatedOn')}
      />
      <Textarea
        label={t('campaigns:companyDonations.note')}
        autosize
        minRows={2}
        maxLength={1000}
        {...form.getInputProps('note')}
      />
    </FormModal>
  );
}
