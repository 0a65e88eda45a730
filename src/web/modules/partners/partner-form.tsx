import { Alert, Divider, MultiSelect, Select, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { corporateNumberValid, localGovCodeValid } from '../../../shared/check-digits';
import { FIELDS, type Field } from '../../../shared/fields';
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
const TEXTS = [
  'corporateNumber',
  'localGovCode',
  'website',
  'postalCode',
  'addressJa',
  'addressEn',
  'descriptionJa',
  'descriptionEn',
] as const;
const FULL = { gridColumn: '1 / -1' } as const;

type Values = {
  code: string;
  nameJa: string;
  nameEn: string;
  kind: PartnerKind;
  fields: Field[];
  status: PartnerStatus;
} & Record<(typeof BANK)[number] | (typeof TEXTS)[number], string>;

const orNull = (v: string) => v.trim() || null;

function bodyOf(v: Values): PartnerCreate {
  const hasBank = BANK.some((k) => v[k].trim());
  return {
    code: v.code.trim(),
    nameJa: orNull(v.nameJa),
    nameEn: orNull(v.nameEn),
    kind: v.kind,
    ...(Object.fromEntries(TEXTS.map((k) => [k, orNull(v[k])])) as Record<
      (typeof TEXTS)[number],
      string | null
    >),
    fields: v.fields,
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

/**
 * Add (partner null) or change an organisation: names, kind, identifiers (checked by their check
 * digits as the user types, as the server does), address, description, fields, status and bank
 * details. Eligibility is not edited here: screening decides it.
 */
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
      fields: partner?.fields ?? [],
      status: partner?.status ?? 'active',
      ...(Object.fromEntries(TEXTS.map((k) => [k, partner?.[k] ?? ''])) as Record<
        (typeof TEXTS)[number],
        string
      >),
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
        !v.trim()
          ? null
          : !/^[0-9]{13}$/.test(v.trim())
            ? t('campaigns:partners.corporateNumberInvalid')
            : corporateNumberValid(v.trim())
              ? null
              : t('partners:form.corporateNumberCheckDigit'),
      localGovCode: (v) =>
        !v.trim()
          ? null
          : !/^[0-9]{6}$/.test(v.trim())
            ? t('partners:form.localGovCodeInvalid')
            : localGovCodeValid(v.trim())
              ? null
              : t('partners:form.localGovCodeCheckDigit'),
      website: (v) =>
        !v.trim() || /^https?:\/\/\S+$/.test(v.trim()) ? null : t('campaigns:partners.websiteInvalid'),
      postalCode: (v) =>
        !v.trim() || /^[0-9]{3}-?[0-9]{4}$/.test(v.trim()) ? null : t('partners:form.postalCodeInvalid'),
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
            Object.fromEntries(
              Object.entries(errors).map(([k, m]) => [
                k.replace(/^bank\./, '').replace(/^fields\.\d+$/, 'fields'),
                m,
              ]),
            ),
          );
        },
      },
    ),
  );
  const text = (key: (typeof TEXTS)[number], label: string, extra: object = {}) => (
    <TextInput label={label} {...extra} {...form.getInputProps(key)} />
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
        data={PARTNER_KINDS.map((k) => ({ value: k, label: t(`partners:kind.${k}`) }))}
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
      {text('corporateNumber', t('campaigns:partners.corporateNumber'), {
        inputMode: 'numeric',
        description: t('partners:form.corporateNumberHelp'),
      })}
      {text('localGovCode', t('partners:form.localGovCode'), {
        inputMode: 'numeric',
        description: t('partners:form.localGovCodeHelp'),
      })}
      {text('website', t('campaigns:partners.website'), { type: 'url' })}
      {text('postalCode', t('partners:form.postalCode'), { inputMode: 'numeric' })}
      {text('addressJa', t('partners:form.addressJa'), { lang: 'ja' })}
      {text('addressEn', t('partners:form.addressEn'), { lang: 'en' })}
      <Textarea
        label={t('partners:form.descriptionJa')}
        lang="ja"
        autosize
        minRows={2}
        style={FULL}
        {...form.getInputProps('descriptionJa')}
      />
      <Textarea
        label={t('partners:form.descriptionEn')}
        lang="en"
        autosize
        minRows={2}
        style={FULL}
        {...form.getInputProps('descriptionEn')}
      />
      <MultiSelect
        label={t('partners:form.fields')}
        data={FIELDS.map((k) => ({ value: k, label: t(`field.${k}`) }))}
        {...form.getInputProps('fields')}
      />
      <Select
        label={t('campaigns:partners.status')}
        description={t('campaigns:partners.statusHelp')}
        allowDeselect={false}
        data={PARTNER_STATUSES.map((s) => ({ value: s, label: t(`campaigns:partnerStatus.${s}`) }))}
        {...form.getInputProps('status')}
      />
      <Alert variant="light" color="blue" icon={<IconInfoCircle size={16} aria-hidden />} style={FULL}>
        {t('partners:form.eligibilityNote')}
      </Alert>
      <div style={FULL}>
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
