import {
  Button,
  Group,
  Modal,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/client';
import { useList } from '../../api/resources';
import type { Site } from '../../api/types';
import { FormError, LoadError, notifySuccess, PageLoader } from '../../components/feedback';
import { useFormat } from '../../i18n';
import { useRecipients } from '../campaigns/campaigns.api';
import {
  type CollectionItem,
  type Drive,
  driveTitle,
  nameOf,
  useCollectionItems,
  useSaveDrive,
} from './drives.api';

type Values = {
  code: string;
  titleJa: string;
  titleEn: string;
  startsOn: string;
  endsOn: string;
  siteIds: string[];
  /** item id → recipient id ('' for none); an item is collected when it is in `itemIds`. */
  itemIds: string[];
  recipients: Record<string, string>;
  /** item id → this drive's yen per unit ('' when not valued); an item joining takes its current rate. */
  rates: Record<string, string>;
};

const RATE = /^[0-9]{1,10}(\.[0-9]{1,4})?$/;

/** 1 December of this year to 31 January of the next: the season people expect. */
function season(): { startsOn: string; endsOn: string } {
  const year = new Date().getFullYear();
  return { startsOn: `${year}-12-01`, endsOn: `${year + 1}-01-31` };
}

function valuesOf(d: Drive | null): Values {
  if (!d)
    return {
      code: '',
      titleJa: '',
      titleEn: '',
      ...season(),
      siteIds: [],
      itemIds: [],
      recipients: {},
      rates: {},
    };
  return {
    code: d.code,
    titleJa: d.titleJa ?? '',
    titleEn: d.titleEn ?? '',
    startsOn: d.startsOn,
    endsOn: d.endsOn,
    siteIds: d.sites.map((s) => s.siteId),
    itemIds: d.items.map((i) => i.itemId),
    recipients: Object.fromEntries(d.items.map((i) => [i.itemId, i.recipient?.id ?? ''])),
    rates: Object.fromEntries(d.items.map((i) => [i.itemId, i.yenPerUnit ?? ''])),
  };
}

/** Create (drive null) or edit a drive: period, sites, items and who receives each. */
export function DriveForm({ drive, onClose }: { drive: Drive | null; onClose: () => void }) {
  const { t } = useTranslation();
  const items = useCollectionItems();
  const sites = useList<Site>('sites', { size: 200, sort: 'code' });
  const recipients = useRecipients();
  const pending = items.isPending || sites.isPending || recipients.isPending;
  const error = items.error ?? sites.error ?? recipients.error;
  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={drive ? t('drives:form.editTitle') : t('drives:form.createTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {pending ? (
        <PageLoader />
      ) : error ? (
        <LoadError error={error} />
      ) : (
        <FormBody
          drive={drive}
          items={items.data ?? []}
          sites={sites.data?.items ?? []}
          recipients={recipients.data ?? []}
          onClose={onClose}
        />
      )}
    </Modal>
  );
}

function FormBody({
  drive,
  items,
  sites,
  recipients,
  onClose,
}: {
  drive: Drive | null;
  items: CollectionItem[];
  sites: Site[];
  recipients: { id: string; code: string; nameJa: string | null; nameEn: string | null }[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const save = useSaveDrive();
  const form = useForm<Values>({
    initialValues: valuesOf(drive),
    validate: {
      code: (v) => (/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/.test(v.trim()) ? null : t('drives:form.codeHelp')),
      titleJa: (v, all) => (v.trim() || all.titleEn.trim() ? null : t('drives:form.titleRequired')),
      endsOn: (v, all) => (v && all.startsOn && v < all.startsOn ? t('drives:form.endsBeforeStart') : null),
      rates: (rates, all) =>
        all.itemIds.some((id) => rates[id]?.trim() && !RATE.test(rates[id].trim()))
          ? t('drives:form.rateInvalid')
          : null,
    },
  });
  const closed = drive?.status === 'closed';
  const kept = new Set(drive?.items.map((i) => i.itemId));
  const offered = items.filter((i) => i.active || kept.has(i.id));
  const recipientOptions = [
    ...recipients.map((r) => ({ value: r.id, label: `${nameOf(f.locale, r)} (${r.code})` })),
    ...(drive?.items ?? [])
      .flatMap((i) => (i.recipient && !recipients.some((r) => r.id === i.recipient!.id) ? [i.recipient] : []))
      .map((r) => ({ value: r.id, label: `${nameOf(f.locale, r)} (${r.code})` })),
  ];
  const submit = form.onSubmit((v) => {
    const body = {
      code: v.code.trim(),
      titleJa: v.titleJa.trim() || null,
      titleEn: v.titleEn.trim() || null,
      ...(closed
        ? {}
        : {
            startsOn: v.startsOn,
            endsOn: v.endsOn,
            siteIds: v.siteIds,
            items: v.itemIds.map((itemId) => ({
              itemId,
              recipientId: v.recipients[itemId] || null,
              yenPerUnit: v.rates[itemId]?.trim() || null,
            })),
          }),
    };
    save.mutate(
      { id: drive?.id, body: body as never },
      {
        onSuccess: (saved) => {
          const title = driveTitle(f.locale, saved);
          notifySuccess(drive ? t('drives:form.saved', { title }) : t('drives:form.created', { title }));
          onClose();
        },
        onError: (e) => form.setErrors(fieldErrors(e)),
      },
    );
  });
  const v = form.values;
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormError error={save.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('drives:form.code')}
            description={t('drives:form.codeHelp')}
            required
            {...form.getInputProps('code')}
          />
          <span />
          <TextInput label={t('drives:form.titleJa')} lang="ja" {...form.getInputProps('titleJa')} />
          <TextInput label={t('drives:form.titleEn')} lang="en" {...form.getInputProps('titleEn')} />
          <TextInput
            type="date"
            label={t('drives:form.startsOn')}
            disabled={closed}
            required
            {...form.getInputProps('startsOn')}
          />
          <TextInput
            type="date"
            label={t('drives:form.endsOn')}
            disabled={closed}
            required
            {...form.getInputProps('endsOn')}
          />
        </SimpleGrid>
        <MultiSelect
          label={t('drives:form.sites')}
          description={t('drives:form.sitesHelp')}
          searchable
          disabled={closed}
          data={sites.map((s) => ({ value: s.id, label: `${s.code} ${f.name(s)}` }))}
          {...form.getInputProps('siteIds')}
        />
        <MultiSelect
          label={t('drives:form.items')}
          searchable
          disabled={closed}
          data={offered.map((i) => ({ value: i.id, label: nameOf(f.locale, i) }))}
          {...form.getInputProps('itemIds')}
          onChange={(ids) => {
            form.setFieldValue('itemIds', ids);
            // An item joining the drive takes the item's rate of today (editable below).
            for (const id of ids)
              if (!(id in form.getValues().rates))
                form.setFieldValue(`rates.${id}`, items.find((i) => i.id === id)?.yenPerUnit ?? '');
          }}
        />
        {v.itemIds.length > 0 && (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('drives:columns.item')}</Table.Th>
                <Table.Th>{t('drives:columns.recipient')}</Table.Th>
                <Table.Th>{t('drives:columns.driveRate')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {v.itemIds.map((id, n) => {
                const item = items.find((i) => i.id === id);
                const label = item ? nameOf(f.locale, item) : id;
                return (
                  <Table.Tr key={id}>
                    <Table.Td>{label}</Table.Td>
                    <Table.Td>
                      <Select
                        aria-label={t('drives:form.recipientFor', { item: label })}
                        placeholder={t('drives:form.noRecipient')}
                        clearable
                        searchable
                        disabled={closed}
                        data={recipientOptions}
                        value={v.recipients[id] || null}
                        onChange={(r) => form.setFieldValue(`recipients.${id}`, r ?? '')}
                        error={form.errors[`items.${n}.recipientId`]}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        aria-label={t('drives:form.rateFor', { item: label })}
                        placeholder={t('drives:detail.noRate')}
                        inputMode="decimal"
                        leftSection="¥"
                        w={160}
                        disabled={closed}
                        value={v.rates[id] ?? ''}
                        onChange={(e) => form.setFieldValue(`rates.${id}`, e.currentTarget.value)}
                        error={
                          form.errors[`items.${n}.yenPerUnit`] ??
                          (v.rates[id]?.trim() && !RATE.test(v.rates[id].trim())
                            ? form.errors.rates
                            : undefined)
                        }
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
        {v.itemIds.length > 0 && !closed && (
          <Text size="sm" c="dimmed">
            {t('drives:form.ratesHelp')}
          </Text>
        )}
        {closed && (
          <Text size="sm" c="dimmed">
            {t('drives:form.closedHelp')}
          </Text>
        )}
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
  );
}
