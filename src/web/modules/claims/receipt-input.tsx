import { FileInput, Group, Image, Paper, Stack, Text } from '@mantine/core';
import { IconFileTypePdf, IconPaperclip, IconPhoto } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MAX_RECEIPT_BYTES,
  RECEIPT_CONTENT_TYPES,
  type ReceiptContentType,
  receiptTypeOf,
} from '../../../shared/receipts';
import { useFormat } from '../../i18n';

const BY_EXTENSION: Record<string, ReceiptContentType> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  heic: 'image/heic',
  heif: 'image/heic',
  pdf: 'application/pdf',
};
/** Images the browser can show (HEIC mostly cannot). */
const PREVIEWABLE = new Set(['image/jpeg', 'image/png', 'image/webp']);

/** A file's receipt type: what the browser says, else (HEIC on many systems) its extension. */
export function receiptType(file: File): ReceiptContentType | null {
  const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
  return receiptTypeOf(file.type) ?? BY_EXTENSION[ext] ?? null;
}

/** Why a chosen file cannot be a receipt, or null. */
export function receiptProblem(file: File | null, t: (key: string) => string): string | null {
  if (!file) return t('form.required');
  if (!receiptType(file)) return t('claims:form.receiptType');
  if (file.size > MAX_RECEIPT_BYTES) return t('claims:form.receiptSize');
  return null;
}

/** Bytes as people read them: "350 KB", "1.2 MB". */
export function useFileSize() {
  const f = useFormat();
  const tag = f.locale === 'ja' ? 'ja-JP' : 'en-GB';
  return (bytes: number) => {
    const mb = bytes >= 1024 * 1024;
    return new Intl.NumberFormat(tag, {
      style: 'unit',
      unit: mb ? 'megabyte' : 'kilobyte',
      maximumFractionDigits: 1,
    }).format(mb ? bytes / 1024 / 1024 : Math.max(0.1, bytes / 1024));
  };
}

/** The receipt field: a file picker limited to the allowed types, and a preview of what was chosen. */
export function ReceiptInput({
  value,
  onChange,
  error,
}: {
  value: File | null;
  onChange: (file: File | null) => void;
  error?: React.ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <FileInput
        label={t('claims:form.receipt')}
        description={t('claims:form.receiptHelp')}
        accept={[...RECEIPT_CONTENT_TYPES, '.heic', '.heif'].join(',')}
        leftSection={<IconPaperclip size={16} aria-hidden />}
        clearable
        required
        value={value}
        onChange={onChange}
        error={error}
      />
      {value && <ReceiptPreview file={value} />}
    </Stack>
  );
}

function ReceiptPreview({ file }: { file: File }) {
  const { t } = useTranslation();
  const size = useFileSize();
  const type = receiptType(file);
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!type || !PREVIEWABLE.has(type)) return setUrl(null);
    const objectUrl = URL.createObjectURL(file);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [file, type]);
  if (url)
    return (
      <Paper withBorder p="xs">
        <Image src={url} alt={t('claims:form.preview')} mah={260} fit="contain" />
      </Paper>
    );
  const Icon = type === 'application/pdf' ? IconFileTypePdf : IconPhoto;
  return (
    <Paper withBorder p="sm">
      <Group gap="xs" wrap="nowrap">
        <Icon size={24} aria-hidden />
        <Text size="sm">{t('claims:form.noPreview', { name: file.name, size: size(file.size) })}</Text>
      </Group>
    </Paper>
  );
}
