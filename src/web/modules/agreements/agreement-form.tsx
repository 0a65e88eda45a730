import {
  ActionIcon,
  Button,
  FileButton,
  Group,
  MultiSelect,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPaperclip, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_RECEIPT_BYTES } from '../../../shared/receipts';
import { fieldErrors } from '../../api/client';
import { useMe } from '../../api/session';
import { notifySuccess } from '../../components/feedback';
import { FormModal } from '../../components/form-modal';
import { CompanySelect } from '../../components/org-selects';
import { useFormat } from '../../i18n';
import { receiptType, useFileSize } from '../claims/receipt-input';
import { useOrganisation } from '../organisations/organisations.api';
import { nameOf } from '../partners/partners-page';
import { usePartners } from '../partners/partners.api';
import {
  AGREEMENT_KINDS,
  AGREEMENT_STATUSES,
  type Agreement,
  type AgreementCreate,
  type AgreementKind,
  type AgreementStatus,
  useSaveAgreement,
} from './agreements.api';

const FULL = { gridColumn: '1 / -1' } as const;
type Values = {
  code: string;
  kind: AgreementKind;
  companyId: string;
  titleJa: string;
  titleEn: string;
  scopeJa: string;
  scopeEn: string;
  signedOn: string;
  startsOn: string;
  endsOn: string;
  status: AgreementStatus;
  partnerIds: string[];
};
const orNull = (v: string) => v.trim() || null;

/**
 * Add (agreement null) or change an agreement: kind, signing company, parties, titles and scope in
 * both languages, dates, status, and its signed documents (uploaded on save). `partnerId` preselects
 * a party when adding from a partner's page.
 */
export function AgreementForm({
  agreement,
  partnerId,
  onClose,
}: {
  agreement: Agreement | null;
  partnerId?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const size = useFileSize();
  const me = useMe();
  const defaultLang = useOrganisation().data?.defaultLocale ?? 'ja';
  const save = useSaveAgreement(me.csrfToken ?? '');
  const partners = usePartners({ size: 200, sort: 'code' });
  const [keep, setKeep] = useState(agreement?.documents ?? []);
  const [files, setFiles] = useState<File[]>([]);
  const [fileError, setFileError] = useState<string | null>(null);
  const required = (v: string) => (v.trim() ? null : t('form.required'));
  const form = useForm<Values>({
    initialValues: {
      code: agreement?.code ?? '',
      kind: agreement?.kind ?? 'comprehensive_partnership',
      companyId: agreement?.company.id ?? '',
      titleJa: agreement?.titleJa ?? '',
      titleEn: agreement?.titleEn ?? '',
      scopeJa: agreement?.scopeJa ?? '',
      scopeEn: agreement?.scopeEn ?? '',
      signedOn: agreement?.signedOn ?? '',
      startsOn: agreement?.startsOn ?? '',
      endsOn: agreement?.endsOn ?? '',
      status: agreement?.status ?? 'draft',
      partnerIds: agreement?.parties.map((p) => p.id) ?? (partnerId ? [partnerId] : []),
    },
    validate: {
      code: (v) =>
        /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/.test(v.trim()) ? null : t('campaigns:form.codeInvalid'),
      companyId: required,
      titleJa: (v) => (defaultLang === 'ja' ? required(v) : null),
      titleEn: (v) => (defaultLang === 'en' ? required(v) : null),
      startsOn: required,
      signedOn: (v, all) => (all.status !== 'draft' ? required(v) : null),
      endsOn: (v, all) =>
        v && all.startsOn && v < all.startsOn ? t('errors:field.ends_before_start') : null,
      partnerIds: (v) => (v.length ? null : t('form.required')),
    },
  });
  const choices = [
    ...(agreement?.parties ?? []),
    ...(partners.data?.items ?? []).filter((p) => !agreement?.parties.some((q) => q.id === p.id)),
  ].map((p) => ({ value: p.id, label: `${p.code} ${nameOf(f.locale, p)}` }));
  const addFiles = (chosen: File[]) => {
    const bad = chosen.find((file) => !receiptType(file) || file.size > MAX_RECEIPT_BYTES);
    setFileError(bad ? t('partners:agreements.documentsHelp') : null);
    setFiles((list) => [...list, ...chosen.filter((file) => file !== bad)]);
  };
  const submit = form.onSubmit((v) => {
    const body: AgreementCreate = {
      code: v.code.trim(),
      kind: v.kind,
      companyId: v.companyId,
      titleJa: orNull(v.titleJa),
      titleEn: orNull(v.titleEn),
      scopeJa: orNull(v.scopeJa),
      scopeEn: orNull(v.scopeEn),
      signedOn: orNull(v.signedOn),
      startsOn: v.startsOn,
      endsOn: orNull(v.endsOn),
      status: v.status,
      partnerIds: v.partnerIds,
    };
    save.mutate(
      {
        id: agreement?.id,
        body,
        keep: keep.map((d) => d.fileId),
        files: files.map((file) => ({ file, type: receiptType(file) ?? file.type })),
      },
      {
        onSuccess: () => {
          notifySuccess(t('partners:agreements.saved', { code: body.code }));
          onClose();
        },
        onError: (error) =>
          form.setErrors(
            Object.fromEntries(
              Object.entries(fieldErrors(error)).map(([k, m]) => [
                k.replace(/^partnerIds\.\d+$/, 'partnerIds'),
                m,
              ]),
            ),
          ),
      },
    );
  });
  const option = (list: readonly string[], prefix: string) =>
    list.map((k) => ({ value: k, label: t(`${prefix}.${k}`) }));
  return (
    <FormModal
      title={agreement ? t('partners:agreements.edit') : t('partners:agreements.create')}
      onClose={onClose}
      onSubmit={submit}
      error={save.error}
      saving={save.isPending}
    >
      <TextInput
        label={t('partners:agreements.code')}
        required
        data-autofocus
        {...form.getInputProps('code')}
      />
      <Select
        label={t('partners:agreements.kind')}
        allowDeselect={false}
        data={option(AGREEMENT_KINDS, 'partners:agreements.kinds')}
        {...form.getInputProps('kind')}
      />
      <CompanySelect label={t('partners:agreements.company')} required {...form.getInputProps('companyId')} />
      <Select
        label={t('partners:agreements.status')}
        allowDeselect={false}
        data={option(AGREEMENT_STATUSES, 'partners:agreements.statuses')}
        {...form.getInputProps('status')}
      />
      <MultiSelect
        label={t('partners:agreements.parties')}
        description={t('partners:agreements.partiesHelp')}
        required
        searchable
        data={choices}
        style={FULL}
        {...form.getInputProps('partnerIds')}
      />
      <TextInput
        label={t('partners:agreements.titleJa')}
        lang="ja"
        required={defaultLang === 'ja'}
        {...form.getInputProps('titleJa')}
      />
      <TextInput
        label={t('partners:agreements.titleEn')}
        lang="en"
        required={defaultLang === 'en'}
        {...form.getInputProps('titleEn')}
      />
      <Textarea
        label={t('partners:agreements.scopeJa')}
        lang="ja"
        autosize
        minRows={2}
        {...form.getInputProps('scopeJa')}
      />
      <Textarea
        label={t('partners:agreements.scopeEn')}
        lang="en"
        autosize
        minRows={2}
        {...form.getInputProps('scopeEn')}
      />
      <TextInput
        type="date"
        label={t('partners:agreements.signedOn')}
        description={t('partners:agreements.signedOnHelp')}
        {...form.getInputProps('signedOn')}
      />
      <TextInput
        type="date"
        label={t('partners:agreements.startsOn')}
        required
        {...form.getInputProps('startsOn')}
      />
      <TextInput
        type="date"
        label={t('partners:agreements.endsOn')}
        description={t('partners:agreements.endsOnHelp')}
        {...form.getInputProps('endsOn')}
      />
      <Stack gap={4} style={FULL}>
        <Text fw={500} size="sm">
          {t('partners:agreements.documents')}
        </Text>
        <Text size="xs" c={fileError ? 'red' : 'dimmed'}>
          {fileError ?? t('partners:agreements.documentsHelp')}
        </Text>
        {[
          ...keep.map((d) => ({ key: d.fileId, name: d.name, size: d.size })),
          ...files.map((file, i) => ({ key: `new-${i}`, name: file.name, size: file.size })),
        ].map((d) => (
          <Group key={d.key} gap="xs">
            <IconPaperclip size={14} aria-hidden />
            <Text size="sm">
              {d.name} ({size(d.size)})
            </Text>
            <ActionIcon
              variant="subtle"
              size="sm"
              aria-label={t('partners:agreements.removeDocument', { name: d.name })}
              onClick={() =>
                d.key.startsWith('new-')
                  ? setFiles((list) => list.filter((_, i) => `new-${i}` !== d.key))
                  : setKeep((list) => list.filter((k) => k.fileId !== d.key))
              }
            >
              <IconX size={14} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
        <FileButton
          onChange={addFiles}
          accept="application/pdf,image/jpeg,image/png,image/webp,image/heic,.heic"
          multiple
        >
          {(props) => (
            <Button
              variant="light"
              size="xs"
              w="fit-content"
              leftSection={<IconPaperclip size={14} aria-hidden />}
              {...props}
            >
              {t('partners:agreements.upload')}
            </Button>
          )}
        </FileButton>
      </Stack>
    </FormModal>
  );
}
