import {
  Anchor,
  Button,
  FileInput,
  Group,
  Modal,
  NumberInput,
  Stack,
  Table,
  Text,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/client';
import { useMe } from '../../api/session';
import { Empty, ScrollTable } from '../../components/data-table';
import { notifySuccess } from '../../components/feedback';
import { FormModal } from '../../components/form-modal';
import { RowActions } from '../../components/row-actions';
import { useFormat } from '../../i18n';
import { textOf } from './goal-lines';
import { type Metric, useDeleteValue, usePutValue } from './goals.api';

type Value = Metric['values'][number];
const orNull = (v: string) => v.trim() || null;

/** Enter or change a manual metric's value for a fiscal year, with its evidence (text or file). */
function ValueForm({ metric, value, onClose }: { metric: Metric; value: Value | null; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const put = usePutValue(me.csrfToken ?? '');
  const [file, setFile] = useState<File | null>(null);
  const form = useForm({
    initialValues: {
      fiscalYear: (value?.fiscalYear ?? new Date().getFullYear() - 1) as number | string,
      value: (value?.value ?? '') as number | string,
      evidenceJa: value?.evidenceJa ?? '',
      evidenceEn: value?.evidenceEn ?? '',
    },
  });
  const submit = form.onSubmit((v) =>
    put.mutate(
      {
        id: metric.id,
        fiscalYear: Number(v.fiscalYear),
        file,
        body: {
          value: Number(v.value),
          evidenceJa: orNull(v.evidenceJa),
          evidenceEn: orNull(v.evidenceEn),
          fileId: file ? undefined : (value?.file?.id ?? null),
        },
      },
      {
        onSuccess: () => {
          notifySuccess(t('goals:values.saved'));
          onClose();
        },
        onError: (e) => form.setErrors(fieldErrors(e)),
      },
    ),
  );
  return (
    <FormModal
      title={t(value ? 'goals:values.edit' : 'goals:values.add')}
      onClose={onClose}
      onSubmit={submit}
      error={put.error}
      saving={put.isPending}
    >
      <NumberInput
        label={t('goals:form.fiscalYear')}
        min={1900}
        max={2200}
        disabled={!!value}
        required
        {...form.getInputProps('fiscalYear')}
      />
      <NumberInput label={t('goals:values.value')} required {...form.getInputProps('value')} />
      <Textarea
        label={t('goals:values.evidenceJa')}
        description={t('goals:values.evidenceHelp')}
        autosize
        minRows={2}
        {...form.getInputProps('evidenceJa')}
      />
      <Textarea
        label={t('goals:values.evidenceEn')}
        autosize
        minRows={2}
        {...form.getInputProps('evidenceEn')}
      />
      <FileInput
        label={t('goals:values.file')}
        placeholder={value?.file?.name ?? t('goals:values.chooseFile')}
        accept="application/pdf,image/*"
        clearable
        value={file}
        onChange={setFile}
        error={form.errors.fileId}
      />
    </FormModal>
  );
}

/** The values entered for a manual metric, newest year first; managers add, change and remove them. */
export function MetricValues({
  metric,
  canManage,
  onClose,
}: {
  metric: Metric;
  canManage: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const remove = useDeleteValue();
  const [editing, setEditing] = useState<Value | 'new' | null>(null);
  const name = textOf(metric.nameJa, metric.nameEn, f.locale);
  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={t('goals:values.title', { name })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack>
        {canManage && (
          <Group justify="flex-end">
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
              {t('goals:values.add')}
            </Button>
          </Group>
        )}
        {metric.values.length === 0 ? (
          <Empty title={t('goals:values.empty')} />
        ) : (
          <ScrollTable minWidth={640} label={t('goals:values.title', { name })}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('goals:form.fiscalYear')}</Table.Th>
                  <Table.Th style={{ textAlign: 'right' }}>{t('goals:values.value')}</Table.Th>
                  <Table.Th>{t('goals:values.evidence')}</Table.Th>
                  <Table.Th>{t('goals:values.enteredAt')}</Table.Th>
                  {canManage && <Table.Th aria-hidden />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {metric.values.map((v) => (
                  <Table.Tr key={v.fiscalYear}>
                    <Table.Td>{v.fiscalYear}</Table.Td>
                    <Table.Td style={{ textAlign: 'right' }}>{f.number(v.value)}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{textOf(v.evidenceJa, v.evidenceEn, f.locale)}</Text>
                      {v.file && (
                        <Anchor size="sm" href={`/api/files/${v.file.id}`} target="_blank" rel="noreferrer">
                          {v.file.name}
                        </Anchor>
                      )}
                    </Table.Td>
                    <Table.Td>{f.dateTime(v.enteredAt)}</Table.Td>
                    {canManage && (
                      <Table.Td>
                        <RowActions
                          name={String(v.fiscalYear)}
                          onEdit={() => setEditing(v)}
                          onDelete={() => remove.mutateAsync({ id: metric.id, fiscalYear: v.fiscalYear })}
                          deleteMessage={t('goals:values.deleteConfirm', { label: v.fiscalYear })}
                          deleting={remove.isPending}
                        />
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
      </Stack>
      {editing && (
        <ValueForm
          metric={metric}
          value={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Modal>
  );
}
