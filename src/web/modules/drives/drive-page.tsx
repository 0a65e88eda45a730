import { Alert, Anchor, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import {
  IconArrowLeft,
  IconClipboardList,
  IconDownload,
  IconInfoCircle,
  IconLock,
  IconLockOpen,
  IconPencil,
} from '@tabler/icons-react';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../../api/client';
import { ConfirmButton } from '../../components/confirm-button';
import { LoadError, notifyError, notifySuccess, QueryState } from '../../components/feedback';
import { PageHeader } from '../../components/page-header';
import { useFormat } from '../../i18n';
import { DriveForm } from './drive-form';
import { DriveChart, DriveStats, DriveTables } from './drive-results';
import { type Drive, driveTitle, nameOf, useDrive, useDriveResults, useDriveTransition } from './drives.api';
import { DriveStatusBadge } from './drives-page';

/** One drive: its period and sites, its results against last fiscal year, and the manager's actions. */
export function DrivePage() {
  const { t } = useTranslation();
  const { id } = useParams({ strict: false }) as { id: string };
  const drive = useDrive(id);
  return (
    <>
      <Anchor
        renderRoot={(props) => <Link to="/drives" {...props} />}
        size="sm"
        mb="xs"
        display="inline-block"
      >
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden />
          {t('drives:detail.back')}
        </Group>
      </Anchor>
      {drive.isError && !drive.data ? (
        <>
          <PageHeader title={t('drives:detail.notFound')} />
          <LoadError error={drive.error} onRetry={() => drive.refetch()} />
        </>
      ) : (
        <QueryState query={drive}>{(d) => <DriveBody d={d} />}</QueryState>
      )}
    </>
  );
}

function Actions({ d, onEdit }: { d: Drive; onEdit: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const transition = useDriveTransition();
  const run = (action: 'open' | 'close') =>
    transition.mutateAsync(
      { id: d.id, action },
      {
        onSuccess: (saved) =>
          notifySuccess(t(`drives:detail.${action}Done`, { title: driveTitle(f.locale, saved) })),
        onError: notifyError,
      },
    );
  return (
    <>
      <Button
        variant="default"
        component="a"
        href={withQuery(`/api/drives/${d.id}/results.csv`, { lang: f.locale })}
        download
        leftSection={<IconDownload size={16} aria-hidden />}
      >
        {t('drives:detail.download')}
      </Button>
      {d.sites.some((s) => s.canReport) && d.acceptingReports && (
        <Button
          variant="default"
          leftSection={<IconClipboardList size={16} aria-hidden />}
          renderRoot={(props) => <Link to="/drives/report" search={{ drive: d.id }} {...props} />}
        >
          {t('drives:nav.report')}
        </Button>
      )}
      {d.canManage && (
        <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={onEdit}>
          {t('drives:detail.edit')}
        </Button>
      )}
      {d.canManage && d.status !== 'open' && (
        <Button
          leftSection={<IconLockOpen size={16} aria-hidden />}
          loading={transition.isPending}
          onClick={() => run('open')}
        >
          {d.status === 'closed' ? t('drives:detail.reopen') : t('drives:detail.open')}
        </Button>
      )}
      {d.canManage && d.status === 'open' && (
        <ConfirmButton
          label={t('drives:detail.close')}
          title={t('drives:detail.close')}
          message={t('drives:detail.confirmClose')}
          confirmLabel={t('drives:detail.close')}
          leftSection={<IconLock size={16} aria-hidden />}
          loading={transition.isPending}
          onConfirm={() => run('close')}
        />
      )}
    </>
  );
}

function DriveBody({ d }: { d: Drive }) {
  const { t } = useTranslation();
  const f = useFormat();
  const results = useDriveResults(d.id);
  const [editing, setEditing] = useState(false);
  return (
    <>
      <PageHeader
        title={driveTitle(f.locale, d)}
        description={t('drives:detail.periodOf', {
          year: d.fiscalYearLabel,
          from: f.date(d.startsOn),
          to: f.date(d.endsOn),
        })}
        actions={<Actions d={d} onEdit={() => setEditing(true)} />}
      />
      <Stack gap="lg">
        <Group gap={6}>
          <DriveStatusBadge status={d.status} />
          <Text size="sm" c="dimmed">
            {d.acceptingReports
              ? t('drives:detail.accepting', { until: f.date(d.reportsUntil) })
              : t('drives:detail.notAccepting')}
          </Text>
        </Group>
        <QueryState query={results}>
          {(r) => (
            <Stack gap="lg">
              {r.previous ? null : (
                <Alert color="blue" icon={<IconInfoCircle aria-hidden />}>
                  {t('drives:detail.noPrevious')}
                </Alert>
              )}
              <DriveStats r={r} />
              <DriveChart r={r} />
              <DriveTables r={r} />
            </Stack>
          )}
        </QueryState>
        <Paper withBorder p="md" component="section" aria-labelledby="drive-sites-list">
          <Title order={2} size="h4" id="drive-sites-list" mb="sm">
            {t('drives:detail.sitesTaking', { n: f.number(d.sites.length) })}
          </Title>
          <List size="sm" spacing={2}>
            {d.sites.map((s) => (
              <List.Item key={s.siteId}>{`${s.code} ${nameOf(f.locale, s)}`}</List.Item>
            ))}
          </List>
        </Paper>
      </Stack>
      {editing && <DriveForm drive={d} onClose={() => setEditing(false)} />}
    </>
  );
}
