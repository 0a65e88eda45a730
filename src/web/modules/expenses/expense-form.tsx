import {
  Anchor,
  Button,
  CloseButton,
  FileInput,
  Group,
  Modal,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPaperclip } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/client';
import { useMe } from '../../api/session';
import { FormError, notifySuccess } from '../../components/feedback';
import { useFormat } from '../../i18n';
import { receiptProblem, useFileSize } from '../claims/receipt-input';
import { todayIso } from '../finance/finance-format';
import { expenseText } from './expense-format';
import { ExpenseFields } from './expense-fields';
import {
  type ExpenseValues,
  expenseBody,
  expensePatch,
  expenseValidation,
  expenseValues,
} from './expense-form-values';
import { attachmentUrl, type Expense, expenseCompanies, useSaveExpense } from './expenses.api';

/** Enter or correct an expense, with its attachments (invoices, photos of the donated goods). */
export function ExpenseFormModal({ expense, onClose }: { expense: Expense | null; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const me = useMe();
  const save = useSaveExpense(me.csrfToken ?? '');
  const only = expenseCompanies(me.roles);
  const [initial] = useState(() =>
    expenseValues(expense, { companyId: only?.length === 1 ? only[0] : null, today: todayIso() }),
  );
  const form = useForm<ExpenseValues>({ initialValues: initial, validate: expenseValidation(t) });
  const fromLedger = expense?.source === 'ledger';
  const [keep, setKeep] = useState<string[]>(expense?.attachments.map((a) => a.id) ?? []);
  const [files, setFiles] = useState<File[]>([]);
  const fileProblem = files.map((file) => receiptProblem(file, t)).find(Boolean) ?? null;
  const submit = form.onSubmit((values) => {
    if (fileProblem) return;
    save.mutate(
      {
        id: expense?.id,
        body: expense
          ? expensePatch(expenseBody(initial), expenseBody(values), fromLedger)
          : expenseBody(values),
        keep,
        files,
      },
      {
        onSuccess: (saved) => {
          const name = expenseText(saved, f);
          notifySuccess(t(expense ? 'expenses:form.saved' : 'expenses:form.created', { name }));
          onClose();
        },
        onError: (error) => form.setErrors(fieldErrors(error)),
      },
    );
  });
  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={
        expense
          ? t('expenses:form.editTitle', { name: expenseText(expense, f) })
          : t('expenses:form.createTitle')
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormError error={save.error} />
          <ExpenseFields
            form={form}
            locked={fromLedger}
            companies={
              only && expense && !only.includes(expense.companyId) ? [...only, expense.companyId] : only
            }
          />
          <Paper withBorder p="md">
            <Title order={3} size="h5" mb="sm">
              {t('expenses:field.attachments')}
            </Title>
            <Attachments
              existing={(expense?.attachments ?? []).filter((a) => keep.includes(a.id))}
              onRemove={(id) => setKeep((k) => k.filter((x) => x !== id))}
            />
            <FileInput
              mt="xs"
              multiple
              clearable
              label={t('expenses:form.addFiles')}
              description={t('expenses:form.filesHelp')}
              accept="application/pdf,image/jpeg,image/png,image/webp,image/heic,.heic,.heif"
              leftSection={<IconPaperclip size={16} aria-hidden />}
              value={files}
              onChange={setFiles}
              error={fileProblem}
            />
          </Paper>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function Attachments({
  existing,
  onRemove,
}: {
  existing: Expense['attachments'];
  onRemove: (fileId: string) => void;
}) {
  const { t } = useTranslation();
  const size = useFileSize();
  if (existing.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('expenses:form.noFiles')}
      </Text>
    );
  return (
    <Stack gap={4}>
      {existing.map((a) => (
        <Group key={a.id} gap="xs" wrap="nowrap">
          <IconPaperclip size={14} aria-hidden />
          <Anchor href={attachmentUrl(a.id)} target="_blank" rel="noopener" size="sm">
            {a.name}
          </Anchor>
          <Text size="xs" c="dimmed">
            {size(a.size)}
          </Text>
          <CloseButton
            size="sm"
            aria-label={t('expenses:form.removeFile', { name: a.name })}
            onClick={() => onRemove(a.id)}
          />
        </Group>
      ))}
    </Stack>
  );
}
