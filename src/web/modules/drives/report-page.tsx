import {
  Anchor,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { IconChartBar, IconDeviceFloppy } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldErrors } from '../../api/client';
import { Empty, ScrollTable } from '../../components/data-table';
import { notifySuccess, QueryState } from '../../components/feedback';
import { useSearchState } from '../../components/list-filters';
import { PageHeader } from '../../components/page-header';
import { useFormat } from '../../i18n';
import {
  type Drive,
  driveTitle,
  nameOf,
  type Report,
  useDrive,
  useDriveReports,
  useDrives,
  useReport,
} from './drives.api';
import type { ReportSearch } from './drives-search';

/** The promoter's form: pick a drive taking reports and one of their sites, then each item's quantity. */
export function ReportPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const [search, update] = useSearchState<ReportSearch>();
  const drives = useDrives({ reportable: true, size: 200 });
  const driveId = search.drive ?? drives.data?.items[0]?.id;
  const drive = useDrive(driveId);
  return (
    <>
      <PageHeader title={t('drives:report.title')} description={t('drives:report.description')} />
      <QueryState
        query={drives}
        isEmpty={(d) => d.items.length === 0}
        empty={
          <Paper withBorder p="md">
            <Empty title={t('drives:report.none')} description={t('drives:report.noneHelp')} />
          </Paper>
        }
      >
        {(list) => (
          <Stack gap="lg">
            <Group align="flex-end" wrap="wrap">
              <Select
                label={t('drives:report.drive')}
                data={list.items.map((d) => ({
                  value: d.id,
                  label: `${driveTitle(f.locale, d)} (${d.code})`,
                }))}
                value={driveId ?? null}
                onChange={(v) => update({ drive: v ?? undefined, site: undefined })}
                allowDeselect={false}
                w={360}
              />
              {drive.data && (
                <SitePicker d={drive.data} siteId={search.site} onSite={(site) => update({ site })} />
              )}
            </Group>
            <QueryState query={drive}>
              {(d) => <SiteReport d={d} siteId={siteOf(d, search.site)} />}
            </QueryState>
          </Stack>
        )}
      </QueryState>
    </>
  );
}

const siteOf = (d: Drive, wanted: string | undefined) =>
  d.sites.find((s) => s.canReport && s.siteId === wanted)?.siteId ?? d.sites.find((s) => s.canReport)?.siteId;

function SitePicker({ d, siteId, onSite }: { d: Drive; siteId?: string; onSite: (id: string) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Select
      label={t('drives:report.site')}
      data={d.sites
        .filter((s) => s.canReport)
        .map((s) => ({ value: s.siteId, label: `${s.code} ${nameOf(f.locale, s)}` }))}
      value={siteOf(d, siteId) ?? null}
      onChange={(v) => v && onSite(v)}
      allowDeselect={false}
      w={320}
    />
  );
}

function SiteReport({ d, siteId }: { d: Drive; siteId: string | undefined }) {
  const { t } = useTranslation();
  const reports = useDriveReports(d.id, siteId);
  if (!siteId) return <Empty title={t('drives:report.noSite')} />;
  return (
    <Paper withBorder p="md" component="section" aria-label={t('drives:report.items')}>
      <QueryState query={reports}>
        {(rows) => (
          <ScrollTable minWidth={760} label={t('drives:report.items')}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('drives:columns.item')}</Table.Th>
                  <Table.Th>{t('drives:columns.quantity')}</Table.Th>
                  <Table.Th>{t('drives:columns.note')}</Table.Th>
                  <Table.Th>{t('drives:report.last')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('common.save')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.items.map((i) => (
                  <ReportRow
                    key={`${siteId}:${i.itemId}`}
                    d={d}
                    siteId={siteId}
                    item={i}
                    report={rows.find((r) => r.itemId === i.itemId)}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
      </QueryState>
      <Anchor
        mt="md"
        display="inline-block"
        renderRoot={(props) => <Link to="/drives/$id" params={{ id: d.id }} {...props} />}
      >
        <Group gap={4} component="span">
          <IconChartBar size={16} aria-hidden />
          {t('drives:report.seeTotals')}
        </Group>
      </Anchor>
    </Paper>
  );
}

function ReportRow({
  d,
  siteId,
  item,
  report,
}: {
  d: Drive;
  siteId: string;
  item: Drive['items'][number];
  report?: Report;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const save = useReport();
  const [quantity, setQuantity] = useState<number | string>(report?.quantity ?? '');
  const [note, setNote] = useState(report?.note ?? '');
  const name = nameOf(f.locale, item);
  const errors = fieldErrors(save.error);
  const submit = () => {
    if (quantity === '' || Number.isNaN(Number(quantity))) return;
    save.mutate(
      { driveId: d.id, siteId, itemId: item.itemId, quantity: Number(quantity), note },
      { onSuccess: () => notifySuccess(t('drives:report.saved', { item: name })) },
    );
  };
  return (
    <Table.Tr>
      <Table.Td>
        {name}
        <Text size="xs" c="dimmed">
          {t(`drives:unit.${item.unit}`)}
        </Text>
      </Table.Td>
      <Table.Td>
        <NumberInput
          aria-label={t('drives:report.quantityOf', { item: name })}
          min={0}
          decimalScale={item.unit === 'kg' ? 3 : 0}
          thousandSeparator=","
          suffix={` ${t(`drives:unitShort.${item.unit}`)}`}
          value={quantity}
          onChange={setQuantity}
          error={errors.quantity}
          w={170}
        />
      </Table.Td>
      <Table.Td>
        <TextInput
          aria-label={t('drives:report.noteOf', { item: name })}
          value={note}
          maxLength={500}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
      </Table.Td>
      <Table.Td>
        <Text size="xs" c="dimmed">
          {report
            ? t('drives:report.lastBy', { by: report.reportedBy, at: f.dateTime(report.reportedAt) })
            : t('drives:report.notYet')}
        </Text>
        {save.error && !errors.quantity ? (
          <Text size="xs" c="red.8" role="alert">
            {errorMessage(save.error)}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        <Button
          size="xs"
          leftSection={<IconDeviceFloppy size={14} aria-hidden />}
          loading={save.isPending}
          disabled={quantity === ''}
          onClick={submit}
          aria-label={t('drives:report.saveOf', { item: name })}
        >
          {t('common.save')}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}
