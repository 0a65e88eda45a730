import {
  Accordion,
  Button,
  Center,
  Group,
  Paper,
  Select,
  Stack,
  TextInput,
  Badge,
  Code,
  Text,
} from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { type AuditPage as AuditPageData, ENTITY_TYPES } from '../../api/types';
import { Empty } from '../../components/data-table';
import { PageHeader } from '../../components/page-header';
import { SearchBox, useSearchState } from '../../components/list-filters';
import type { AuditSearch } from '../../search-params';
import { QueryState } from '../../components/feedback';
import type { AuditEntry } from '../../api/types';
import { JsonDiff } from '../../components/json-diff';
import { useFormat } from '../../i18n';

/** The audit log, newest first, filtered; "load more" follows the server's cursor. */
export function AuditPage() {
  const { t } = useTranslation();
  const [search, update] = useSearchState<AuditSearch>();
  const { entityType, action, from, to } = search;
  const log = useInfiniteQuery({
    queryKey: ['audit', { entityType, action, from, to }],
    queryFn: ({ pageParam }) =>
      api<AuditPageData>('/api/audit', {
        query: { entityType, action, from, to, cursor: pageParam, size: 50 },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const entries = log.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = !!(entityType || action || from || to);

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      <Paper withBorder p="md">
        <Group mb="md" align="flex-end" wrap="wrap">
          <Select
            label={t('audit.entityType')}
            placeholder={t('common.all')}
            clearable
            data={ENTITY_TYPES.map((e) => ({ value: e, label: t(`audit.entity.${e}`) }))}
            value={entityType ?? null}
            onChange={(v) => update({ entityType: v ?? undefined })}
            w={200}
          />
          <SearchBox
            label={t('audit.action')}
            value={action}
            onSearch={(v) => update({ action: v })}
            placeholder={t('audit.actionPlaceholder')}
            w={220}
          />
          <TextInput
            type="date"
            label={t('audit.from')}
            value={from ?? ''}
            max={to}
            onChange={(e) => update({ from: e.currentTarget.value || undefined })}
            w={170}
          />
          <TextInput
            type="date"
            label={t('audit.to')}
            value={to ?? ''}
            min={from}
            onChange={(e) => update({ to: e.currentTarget.value || undefined })}
            w={170}
          />
        </Group>
        <QueryState
          query={log}
          isEmpty={() => entries.length === 0}
          empty={
            <Empty title={t('audit.empty')} description={filtered ? t('common.emptyFiltered') : undefined} />
          }
        >
          {() => (
            <Stack>
              <Accordion multiple variant="separated" chevronPosition="left">
                {entries.map((entry) => (
                  <AuditEntryItem key={entry.id} entry={entry} />
                ))}
              </Accordion>
              <Center>
                {log.hasNextPage ? (
                  <Button
                    variant="default"
                    onClick={() => log.fetchNextPage()}
                    loading={log.isFetchingNextPage}
                  >
                    {t('audit.loadMore')}
                  </Button>
                ) : (
                  <span>{t('audit.end')}</span>
                )}
              </Center>
            </Stack>
          )}
        </QueryState>
      </Paper>
    </>
  );
}

/** One audit record: when, who, what; opens to the before/after of the change. */
export function AuditEntryItem({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Accordion.Item value={String(entry.id)}>
      <Accordion.Control>
        <Group gap="sm" wrap="wrap">
          <Text size="sm" ff="monospace" miw={150}>
            {f.dateTime(entry.at)}
          </Text>
          <Badge variant="light" color="indigo" c="indigo.9">
            {entry.action}
          </Badge>
          <Text size="sm">{t(`audit.entity.${entry.entityType}`, { defaultValue: entry.entityType })}</Text>
          <Text size="sm" c="dimmed">
            {t('audit.by', { actor: entry.actorLabel })}
          </Text>
        </Group>
      </Accordion.Control>
      <Accordion.Panel>
        <Stack gap="xs">
          <Text size="xs">
            {t('audit.entityId')}: <Code>{entry.entityId ?? '—'}</Code> · {t('audit.requestId')}:{' '}
            <Code>{entry.requestId ?? '—'}</Code>
          </Text>
          <JsonDiff before={entry.before} after={entry.after} />
        </Stack>
      </Accordion.Panel>
    </Accordion.Item>
  );
}
