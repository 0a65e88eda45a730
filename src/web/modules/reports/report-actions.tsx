import {
  Alert,
  Button,
  Group,
  Menu,
  Modal,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconChevronDown,
  IconCopy,
  IconDownload,
  IconExternalLink,
  IconEye,
  IconWorld,
  IconWorldOff,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../api/types';
import { notifyError, notifySuccess } from '../../components/feedback';
import {
  type AmountUnitJa,
  EXPORT_FORMATS,
  exportPath,
  type ReportDocument,
  reportPagePath,
  useAmountUnit,
  useCopyBlocks,
  useMissingTranslations,
  usePublication,
} from './reports.api';
import { useReportYearLabel } from './report-year';

const LANGS: Locale[] = ['ja', 'en'];

/** The header's actions: the page in either language (a new tab) and the exports. */
export function ReportActions({ fy }: { fy: number; doc: ReportDocument; canManage: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            variant="default"
            leftSection={<IconEye size={16} aria-hidden />}
            rightSection={<IconChevronDown size={14} aria-hidden />}
          >
            {t('reports:preview.button')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {LANGS.map((lang) => (
            <Menu.Item
              key={lang}
              component="a"
              href={reportPagePath(lang, fy)}
              target="_blank"
              rel="noopener"
              leftSection={<IconExternalLink size={14} aria-hidden />}
            >
              {t('reports:preview.in', { lang: t(`reports:lang.${lang}`) })}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
            rightSection={<IconChevronDown size={14} aria-hidden />}
          >
            {t('reports:export.button')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {LANGS.map((lang) => (
            <div key={lang}>
              <Menu.Label>{t(`reports:lang.${lang}`)}</Menu.Label>
              {EXPORT_FORMATS.map((format) => (
                <Menu.Item key={format} component="a" href={exportPath(fy, format, lang)} download>
                  {t('reports:export.item', {
                    format: t(`reports:export.format.${format}`),
                    lang: t(`reports:lang.${lang}`),
                  })}
                </Menu.Item>
              ))}
            </div>
          ))}
        </Menu.Dropdown>
      </Menu>
    </>
  );
}

/** Publishing (a closed year whose texts all exist in both languages), the amount unit, copying texts. */
export function ReportSettings({
  fy,
  doc,
  canManage,
}: {
  fy: number;
  doc: ReportDocument;
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const unit = useAmountUnit(fy);
  const copy = useCopyBlocks(fy);
  const yearLabel = useReportYearLabel();
  const [confirmCopy, copyModal] = useDisclosure(false);
  const changeUnit = (value: string) =>
    unit.mutate(value as AmountUnitJa, {
      onSuccess: () => notifySuccess(t('reports:unit.saved')),
      onError: notifyError,
    });
  const runCopy = () =>
    copy.mutate(fy - 1, {
      onSuccess: () => notifySuccess(t('reports:copy.done', { year: yearLabel(fy - 1) })),
      onError: notifyError,
      onSettled: copyModal.close,
    });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="report-settings">
      <Title order={2} size="h4" id="report-settings" mb="sm">
        {t('reports:settings.title')}
      </Title>
      <Group align="flex-start" justify="space-between" gap="xl" wrap="wrap">
        <Publication fy={fy} doc={doc} canManage={canManage} />
        <Stack gap={4}>
          <Text size="sm" fw={600} id="report-unit">
            {t('reports:unit.label')}
          </Text>
          <SegmentedControl
            aria-labelledby="report-unit"
            value={doc.amountUnitJa}
            onChange={changeUnit}
            disabled={!canManage || unit.isPending}
            data={(['oku', 'hyakuman'] as const).map((u) => ({ value: u, label: t(`reports:unit.${u}`) }))}
          />
          <Text size="xs" c="dimmed">
            {t('reports:unit.help')}
          </Text>
        </Stack>
        {canManage && (
          <Button variant="default" leftSection={<IconCopy size={16} aria-hidden />} onClick={copyModal.open}>
            {t('reports:copy.button')}
          </Button>
        )}
      </Group>
      <Modal
        opened={confirmCopy}
        onClose={copyModal.close}
        title={t('reports:copy.button')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        centered
      >
        <Text mb="lg">{t('reports:copy.confirm', { year: yearLabel(fy - 1) })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={copyModal.close}>
            {t('common.cancel')}
          </Button>
          <Button onClick={runCopy} loading={copy.isPending}>
            {t('reports:copy.run')}
          </Button>
        </Group>
      </Modal>
    </Paper>
  );
}

/** The publication state and the one button that changes it, after a confirmation. */
function Publication({ fy, doc, canManage }: { fy: number; doc: ReportDocument; canManage: boolean }) {
  const { t } = useTranslation();
  const missing = useMissingTranslations(fy);
  const publication = usePublication(fy);
  const [opened, modal] = useDisclosure(false);
  const published = doc.status === 'published';
  const missingCount = missing.data?.length ?? 0;
  const blocker = published
    ? null
    : !doc.closedAt
      ? t('reports:publish.notClosed')
      : missingCount > 0
        ? t('reports:publish.missing', { n: missingCount })
        : null;
  const action = published ? 'unpublish' : 'publish';
  const run = () =>
    publication.mutate(action, {
      onSuccess: () => notifySuccess(t(`reports:${action}.done`, { year: doc.period.label })),
      onError: notifyError,
      onSettled: modal.close,
    });
  return (
    <Stack gap="xs" maw={460}>
      <Text size="sm">{published ? t('reports:publish.isPublished') : t('reports:publish.isDraft')}</Text>
      {blocker && (
        <Alert color="orange" variant="light" p="xs">
          {blocker}
        </Alert>
      )}
      {canManage && (
        <Group>
          <Button
            color={published ? 'red' : undefined}
            variant={published ? 'light' : 'filled'}
            leftSection={
              published ? <IconWorldOff size={16} aria-hidden /> : <IconWorld size={16} aria-hidden />
            }
            disabled={!!blocker || missing.isPending}
            onClick={modal.open}
          >
            {t(`reports:${action}.button`)}
          </Button>
        </Group>
      )}
      <Modal
        opened={opened}
        onClose={modal.close}
        title={t(`reports:${action}.button`)}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        centered
      >
        <Text mb="lg">{t(`reports:${action}.confirm`, { year: doc.period.label, fy })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={modal.close}>
            {t('common.cancel')}
          </Button>
          <Button color={published ? 'red' : undefined} onClick={run} loading={publication.isPending}>
            {t(`reports:${action}.run`)}
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}
