import { Anchor, Badge, Button, Paper, Table, Text } from '@mantine/core';
import { IconClipboardList, IconPlus } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../api/session';
import { Empty, Pager, ScrollTable } from '../../components/data-table';
import { QueryState } from '../../components/feedback';
import { PageHeader } from '../../components/page-header';
import { useFormat } from '../../i18n';
import { DriveForm } from './drive-form';
import { type DriveStatus, driveTitle, useDrives } from './drives.api';

// Pale backgrounds with dark text keep every badge above the WCAG AA contrast ratio.
const STATUS_COLORS: Record<DriveStatus, string> = { planned: 'gray', open: 'teal', closed: 'indigo' };

export function DriveStatusBadge({ status }: { status: DriveStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATUS_COLORS[status]} c="dark.7">
      {t(`drives:status.${status}`)}
    </Badge>
  );
}

/** Every collection drive, newest first, with its period, sites, items and the yen value reported. */
export function DrivesPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const size = 50;
  const list = useDrives({ page, size });
  return (
    <>
      <PageHeader
        title={t('drives:list.title')}
        description={t('drives:list.description')}
        actions={
          <>
            {can('drives.report') && (
              <Button
                variant="default"
                leftSection={<IconClipboardList size={16} aria-hidden />}
                renderRoot={(props) => <Link to="/drives/report" {...props} />}
              >
                {t('drives:nav.report')}
              </Button>
            )}
            {can('drives.manage') && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
                {t('drives:list.create')}
              </Button>
            )}
          </>
        }
      />
      <Paper withBorder p="md">
        <QueryState
          query={list}
          isEmpty={(data) => data.items.length === 0}
          empty={<Empty title={t('drives:list.empty')} description={t('drives:list.emptyHelp')} />}
        >
          {(data) => (
            <>
              <ScrollTable minWidth={820} label={t('drives:list.title')}>
                <Table striped highlightOnHover style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('drives:columns.drive')}</Table.Th>
                      <Table.Th>{t('drives:columns.fiscalYear')}</Table.Th>
                      <Table.Th>{t('drives:columns.period')}</Table.Th>
                      <Table.Th>{t('drives:columns.status')}</Table.Th>
                      <Table.Th ta="right">{t('drives:columns.sites')}</Table.Th>
                      <Table.Th ta="right">{t('drives:columns.items')}</Table.Th>
                      <Table.Th ta="right">{t('drives:columns.valueJpy')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((d) => (
                      <Table.Tr key={d.id}>
                        <Table.Td>
                          <Anchor
                            renderRoot={(props) => <Link to="/drives/$id" params={{ id: d.id }} {...props} />}
                          >
                            {driveTitle(f.locale, d)}
                          </Anchor>
                          <Text size="xs" c="dimmed">
                            {d.code}
                          </Text>
                        </Table.Td>
                        <Table.Td>{d.fiscalYearLabel}</Table.Td>
                        <Table.Td>
                          {t('drives:detail.period', { from: f.date(d.startsOn), to: f.date(d.endsOn) })}
                        </Table.Td>
                        <Table.Td>
                          <DriveStatusBadge status={d.status} />
                        </Table.Td>
                        <Table.Td ta="right">{f.number(d.siteCount)}</Table.Td>
                        <Table.Td ta="right">{f.number(d.itemCount)}</Table.Td>
                        <Table.Td ta="right">{f.money(d.totalJpy, 'JPY')}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollTable>
              <Pager page={page} size={size} total={data.total} onPage={setPage} />
            </>
          )}
        </QueryState>
      </Paper>
      {creating && <DriveForm drive={null} onClose={() => setCreating(false)} />}
    </>
  );
}
