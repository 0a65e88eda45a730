import { Alert, Button, Group, List, Paper, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../api/session';
import { notifyError, notifySuccess, QueryState } from '../../components/feedback';
import { useFormat } from '../../i18n';
import { type LedgerCheckView, useLatestCheck, useRunCheck } from './finance.api';

/** The ledger check's last result, with a button to run it now (ledger.manage). */
export function CheckCard() {
  const { t } = useTranslation();
  const canRun = useCan()('ledger.manage');
  const latest = useLatestCheck();
  const run = useRunCheck();
  const runNow = () =>
    run.mutate(undefined, {
      // A failed check shows its problems in the card's alert, which screen readers announce.
      onSuccess: (check) => check.ok && notifySuccess(t('finance:checks.ranOk')),
      onError: notifyError,
    });
  return (
    <Paper withBorder p="md" mb="lg" component="section" aria-labelledby="ledger-check-title">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4} style={{ flex: 1, minWidth: 260 }}>
          <Text id="ledger-check-title" fw={700}>
            {t('finance:checks.title')}
          </Text>
          <QueryState query={latest}>{(check) => <CheckResult check={check} />}</QueryState>
        </Stack>
        {canRun && (
          <Button
            leftSection={<IconShieldCheck size={16} aria-hidden />}
            variant="light"
            loading={run.isPending}
            onClick={runNow}
          >
            {t('finance:checks.run')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}

function CheckResult({ check }: { check: LedgerCheckView | null }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (!check) return <Text size="sm">{t('finance:checks.never')}</Text>;
  const when = t('finance:checks.ranAt', {
    at: f.dateTime(check.ranAt),
    source: t(`finance:checks.source.${check.source}`),
    entries: f.number(check.entries),
  });
  if (check.ok)
    return (
      <Group gap="xs" wrap="nowrap" role="status">
        <IconCircleCheck size={18} color="var(--mantine-color-teal-9)" aria-hidden />
        <Text size="sm">
          {t('finance:checks.ok')} {when}
        </Text>
      </Group>
    );
  return (
    <Alert
      color="red"
      icon={<IconAlertTriangle aria-hidden />}
      title={t('finance:checks.failed')}
      role="alert"
    >
      <Text size="sm" mb="xs">
        {when}
      </Text>
      <List size="sm" spacing={4}>
        {check.problems.map((p) => (
          <List.Item key={p.code}>
            <Text size="sm" span fw={700}>
              {t(`finance:checks.problem.${p.code}`, { defaultValue: p.code })}
            </Text>{' '}
            <Text size="sm" span ff="monospace">
              ({p.code})
            </Text>{' '}
            {t('finance:checks.count', { count: p.count, value: f.number(p.count) })}
            {p.sample.length > 0 && (
              <Text size="xs" c="dimmed" ff="monospace" style={{ wordBreak: 'break-all' }}>
                {t('finance:checks.sample', { ids: p.sample.join(', ') })}
              </Text>
            )}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
