import { Anchor, Group, Stack } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../api/session';
import { LoadError, QueryState } from '../../components/feedback';
import { PageHeader } from '../../components/page-header';
import { useFormat } from '../../i18n';
import { ReportActions, ReportSettings } from './report-actions';
import { ReportBlocks } from './report-blocks';
import { ReportFiguresPanel } from './report-figures';
import { MissingTranslations } from './report-translations';
import { type ReportDocument, useReportDocument } from './reports.api';
import { ClosedBadge, ReportStatusBadge } from './reports-page';

/** The report number from the address (`/reports/2024`). */
export function useReportNumber(): number {
  const { fy } = useParams({ strict: false }) as { fy: string };
  return Number(fy);
}

/**
 * One fiscal year's report: its texts by section in both languages side by side, what still lacks a
 * translation, the amount unit, the main figures with their drill-down, preview, exports and publishing.
 */
export function ReportEditorPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const fy = useReportNumber();
  const doc = useReportDocument(fy, f.locale);
  return (
    <>
      <Anchor
        renderRoot={(props) => <Link to="/reports" {...props} />}
        size="sm"
        mb="xs"
        display="inline-block"
      >
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden />
          {t('reports:editor.back')}
        </Group>
      </Anchor>
      {doc.isError && !doc.data ? (
        <>
          <PageHeader title={t('reports:editor.notFound')} />
          <LoadError error={doc.error} onRetry={() => doc.refetch()} />
        </>
      ) : (
        <QueryState query={doc}>{(d) => <EditorBody fy={fy} doc={d} />}</QueryState>
      )}
    </>
  );
}

function EditorBody({ fy, doc }: { fy: number; doc: ReportDocument }) {
  const { t } = useTranslation();
  const canManage = useCan()('reports.manage');
  return (
    <>
      <PageHeader
        title={t('reports:editor.title', { year: doc.period.label })}
        description={
          <Group gap="xs" component="span">
            <ReportStatusBadge status={doc.status} />
            <ClosedBadge closed={!!doc.closedAt} />
          </Group>
        }
        actions={<ReportActions fy={fy} doc={doc} canManage={canManage} />}
      />
      <Stack gap="lg">
        <MissingTranslations fy={fy} />
        <ReportSettings fy={fy} doc={doc} canManage={canManage} />
        <ReportFiguresPanel fy={fy} doc={doc} />
        <ReportBlocks fy={fy} canManage={canManage} published={doc.status === 'published'} />
      </Stack>
    </>
  );
}
