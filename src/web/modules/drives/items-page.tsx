import {
  Badge,
  Button,
  NumberInput,
  Paper,
  Select,
  Switch,
  Table,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/client';
import { Empty, ScrollTable } from '../../components/data-table';
import { notifySuccess, QueryState } from '../../components/feedback';
import { FormModal } from '../../components/form-modal';
import { PageHeader } from '../../components/page-header';
import { useFormat } from '../../i18n';
import {
  COLLECTION_UNITS,
  type CollectionItem,
  type CollectionUnit,
  nameOf,
  useCollectionItems,
  useSaveItem,
} from './drives.api';

/** The managed list of what drives collect: unit, yen rate where one applies, order, in use or not. */
export function ItemsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const items = useCollectionItems();
  const [editing, setEditing] = useState<CollectionItem | 'new' | null>(null);
  return (
    <>
      <PageHeader
        title={t('drives:items.title')}
        description={t('drives:items.description')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
            {t('drives:items.add')}
          </Button>
        }
      />
      <Paper withBorder p="md">
        <QueryState
          query={items}
          isEmpty={(d) => d.length === 0}
          empty={<Empty title={t('drives:items.empty')} description={t('drives:items.emptyHelp')} />}
        >
          {(rows) => (
            <ScrollTable minWidth={760} label={t('drives:items.title')}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('drives:columns.code')}</Table.Th>
                    <Table.Th>{t('drives:columns.item')}</Table.Th>
                    <Table.Th>{t('drives:columns.unit')}</Table.Th>
                    <Table.Th ta="right">{t('drives:columns.yenPerUnit')}</Table.Th>
                    <Table.Th>{t('drives:columns.status')}</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((i) => (
                    <Table.Tr key={i.id}>
                      <Table.Td>{i.code}</Table.Td>
                      <Table.Td>{nameOf(f.locale, i)}</Table.Td>
                      <Table.Td>{t(`drives:unit.${i.unit}`)}</Table.Td>
                      <Table.Td ta="right">
                        {i.yenPerUnit === null
                          ? t('drives:detail.noRate')
                          : `¥${f.number(Number(i.yenPerUnit))}`}
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={i.active ? 'teal' : 'gray'} c="dark.7">
                          {i.active ? t('drives:items.active') : t('drives:items.inactive')}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Button
                          size="xs"
                          variant="subtle"
                          leftSection={<IconPencil size={14} aria-hidden />}
                          aria-label={t('drives:items.editOf', { item: nameOf(f.locale, i) })}
                          onClick={() => setEditing(i)}
                        >
                          {t('drives:detail.edit')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )}
        </QueryState>
      </Paper>
      {editing && <ItemForm item={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}

type Values = {
  code: string;
  nameJa: string;
  nameEn: string;
  unit: CollectionUnit;
  yenPerUnit: number | string;
  active: boolean;
  position: number | string;
};

function ItemForm({ item, onClose }: { item: CollectionItem | null; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const save = useSaveItem();
  const form = useForm<Values>({
    initialValues: {
      code: item?.code ?? '',
      nameJa: item?.nameJa ?? '',
      nameEn: item?.nameEn ?? '',
      unit: item?.unit ?? 'count',
      yenPerUnit: item?.yenPerUnit ?? '',
      active: item?.active ?? true,
      position: item?.position ?? 0,
    },
    validate: {
      code: (v) => (/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/.test(v.trim()) ? null : t('drives:form.codeHelp')),
      nameJa: (v, all) => (v.trim() || all.nameEn.trim() ? null : t('drives:items.nameRequired')),
    },
  });
  const submit = form.onSubmit((v) => {
    const body = {
      code: v.code.trim(),
      nameJa: v.nameJa.trim() || null,
      nameEn: v.nameEn.trim() || null,
      unit: v.unit,
      yenPerUnit: v.yenPerUnit === '' ? null : String(v.yenPerUnit),
      active: v.active,
      position: Number(v.position) || 0,
    };
    save.mutate(
      { id: item?.id, body },
      {
        onSuccess: (saved) => {
          notifySuccess(t('drives:items.saved', { item: nameOf(f.locale, saved) }));
          onClose();
        },
        onError: (e) => form.setErrors(fieldErrors(e)),
      },
    );
  });
  return (
    <FormModal
      title={item ? t('drives:items.editTitle') : t('drives:items.createTitle')}
      onClose={onClose}
      onSubmit={submit}
      error={save.error}
      saving={save.isPending}
    >
      <TextInput label={t('drives:columns.code')} required {...form.getInputProps('code')} />
      <Select
        label={t('drives:columns.unit')}
        data={COLLECTION_UNITS.map((u) => ({ value: u, label: t(`drives:unit.${u}`) }))}
        allowDeselect={false}
        {...form.getInputProps('unit')}
      />
      <TextInput label={t('drives:items.nameJa')} lang="ja" {...form.getInputProps('nameJa')} />
      <TextInput label={t('drives:items.nameEn')} lang="en" {...form.getInputProps('nameEn')} />
      <NumberInput
        label={t('drives:columns.yenPerUnit')}
        description={t('drives:items.rateHelp')}
        min={0}
        decimalScale={4}
        {...form.getInputProps('yenPerUnit')}
      />
      <NumberInput label={t('drives:items.position')} min={0} max={999} {...form.getInputProps('position')} />
      <Switch label={t('drives:items.activeLabel')} {...form.getInputProps('active', { type: 'checkbox' })} />
    </FormModal>
  );
}
