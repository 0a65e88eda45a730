import { Divider, Select, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/client';
import { notifySuccess } from '../../components/feedback';
import { FormModal } from '../../components/form-modal';
import { useOrganisation } from '../organisations/organisations.api';
import {
  BANK_ACCOUNT_TYPES,
  PARTNER_KINDS,
  PARTNER_STATUSES,
  type Partner,
  type PartnerCreate,
  type PartnerKind,
  type PartnerStatus,
  useSavePartner,
} from './partners.api';

const BANK = ['bankName', 'bankBranch', 'bankAccountType', 'bankAccountNumber', 'bankAccountHolder'] as const;

type Values = {
  code: string;
  nameJa: string;
  nameEn: string;
  kind: PartnerKind;
  corporateNumber: string;
  website: string;
  eligible: boolean;
  status: PartnerStatus;
} & Record<(typeof BANK)[number], string>;

const orNull = (v: string) => v.trim() || null;

function bodyOf(v: Values): PartnerCreate {
  const hasBank = BANK.some((k) => v[k].trim());
  return {
    code: v.code.trim(),
    nameJa: orNull(v.nameJa),
    nameEn: orNull(v.nameEn),
    kind: v.kind,
    corporateNumber: orNull(v.corporateNumber),
    website: orNull(v.website),
    eligible: v.eligible,
    status: v.status,
    bank: hasBank
      ? {
          bankName: v.bankName.trim(),
          bankBranch: v.bankBranch.trim(),
          bankAccountType: v.bankAccountType as (typeof BANK_ACCOUNT_TYPES)[number],
          bankAccountNumber: v.bankAccountNumber.trim(),
          bankAccountHolder: v.bankAccountHolder.trim(),
        }
      : null,
  };
}

/** Add (partner null) or change an organisation: names, kind, eligibility, status and bank details. */
export function PartnerForm({ partner, onClose }: { partner: Partner | null; onClose: () => void }) {
  const { t } = useTranslation();
  const org = useOrganisation();
  const defaultLang = org.data?.defaultLocale ?? 'ja';
  const save = useSavePartner();
  const required = (v: string) => (v.trim() ? null : t('form.required'));
  const bankRequired = (v: string, all: Values) =>
    BANK.some((k) => all[k].trim()) && !v.trim() ? t('campaigns:partners.bankIncomplete') : null;
  const form = useForm<Values>({
    initialValues: {
      code: partner?.code ?? '',
      nameJa: partner?.nameJa ?? '',
      nameEn: partner?.nameEn ?? '',
      kind: partner?.kind ?? 'npo',
      corporateNumber: partner?.corporateNumber ?? '',
      website: partner?.website ?? '',
      eligible: partner?.eligible ?? false,
      status: partner?.status ?? 'active',
      ...(Object.fromEntries(BANK.map((k) => [k, partner?.bank?.[k] ?? ''])) as Record<
        (typeof BANK)[number],
        string
      >),
    },
    validate: {
      code: (v) =>
        /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/.test(v.trim()) ? null : t('campaigns:form.codeInvalid'),
      nameJa: (v) => (defaultLang === 'ja' ? required(v) : null),
      nameEn: (v) => (defaultLang === 'en' ? required(v) : null),
      corporateNumber: (v) =>
        !v.trim() || /^[0-9]{13}$/.test(v.trim()) ? null : t('campaigns:partners.corporateNumberInvalid'),
      website: (v) =>
        !v.trim() || /^https?:\/\/\S+$/.test(v.trim()) ? null : t('campaigns:partners.websiteInvalid'),
      bankAccountNumber: (v, all) =>
        bankRequired(v, all) ??
        (!v.trim() || /^[0-9]{1,8}$/.test(v.trim()) ? null : t('campaigns:partners.accountNumberInvalid')),
      ...Object.fromEntries(BANK.filter((k) => k !== 'bankAccountNumber').map((k) => [k, bankRequired])),
    },
  });
  const submit = form.onSubmit((values) =>
    save.mutate(
      { id: partner?.id, body: bodyOf(values) },
      {
        onSuccess: () => {
          notifySuccess(t('common.savedNamed', { name: values.code.trim() }));
          onClose();
        },
        onError: (error) => {
          const errors = fieldErrors(error);
          form.setErrors(
            Object.fromEntries(Object.entries(errors).map(([k, m]) => [k.replace(/^bank\./, ''), m])),
          );
        },
      },
    ),
  );
  return (
    <FormModal
      title={partner ? t('campaigns:partners.edit') : t('campaigns:partners.create')}
      onClose={onClose}
      onSubmit={submit}
      error={save.error}
      saving={save.isPending}
    >
      <TextInput
        label={t('campaigns:partners.code')}
        required
        data-autofocus
        {...form.getInputProps('code')}
      />
      <Select
        label={t('campaigns:partners.kind')}
        allowDeselect={false}
        data={PARTNER_KINDS.map((k) => ({ value: k, label: t(`campaigns:partnerKind.${k}`) }))}
        {...form.getInputProps('kind')}
      />
      <TextInput
        label={t('campaigns:partners.nameJa')}
        lang="ja"
        required={defaultLang === 'ja'}
        {...form.getInputProps('nameJa')}
      />
      <TextInput
        label={t('campaigns:partners.nameEn')}
        lang="en"
        required={defaultLang === 'en'}
        {...form.getInputProps('nameEn')}
      />
      <TextInput
        label={t('campaigns:partners.corporateNumber')}
        inputMode="numeric"
        {...form.getInputProps('corporateNumber')}
      />
      <TextInput label={t('campaigns:partners.website')} type="url" {...form.getInputProps('website')} />
      <Switch
        label={t('campaigns:partners.eligibleSwitch')}
        description={t('campaigns:partners.eligibleHelp')}
        {...form.getInputProps('eligible', { type: 'checkbox' })}
      />
      <Select
        label={t('campaigns:partners.status')}
        description={t('campaigns:partners.statusHelp')}
        allowDeselect={false}
        data={PARTNER_STATUSES.map((s) => ({ value: s, label: t(`campaigns:partnerStatus.${s}`) }))}
        {...form.getInputProps('status')}
      />
      <div style={{ gridColumn: '1 / -1' }}>
        <Divider my="xs" />
        <Text fw={600} size="sm">
          {t('campaigns:partners.bank')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('campaigns:partners.bankHelp')}
        </Text>
      </div>
      <TextInput label={t('campaigns:partners.bankName')} {...form.getInputProps('bankName')} />
      <TextInput label={t('campaigns:partners.bankBranch')} {...form.getInputProps('bankBranch')} />
      <Select
        label={t('campaigns:partners.bankAccountType')}
        clearable
        data={BANK_ACCOUNT_TYPES.map((k) => ({ value: k, label: t(`campaigns:accountType.${k}`) }))}
        {...form.getInputProps('bankAccountType')}
        value={form.values.bankAccountType || null}
        onChange={(v) => form.setFieldValue('bankAccountType', v ?? '')}
      />
      <TextInput
        label={t('campaigns:partners.bankAccountNumber')}
        inputMode="numeric"
        {...form.getInputProps('bankAccountNumber')}
      />
      <TextInput
        label={t('campaigns:partners.bankAccountHolder')}
        {...form.getInputProps('bankAccountHolder')}
      />
    </FormModal>
  );
}
