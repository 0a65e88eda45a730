import { Alert, Badge, Button, Code, Drawer, Group, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { IconMailOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Empty, Pager, ScrollTable } from '../../components/data-table';
import { LoadError, PageLoader, QueryState } from '../../components/feedback';
import { SearchBox, useSearchState } from '../../components/list-filters';
import { PageHeader } from '../../components/page-header';
import { useFormat } from '../../i18n';
import {
  MAIL_STATUSES,
  type MailStatus,
  type OutboxSearch,
  useOutbox,
  useOutboxMail,
} from './notifications.api';

// Pale background, dark text, as the other status badges (WCAG AA contrast).
const STYLE: Record<MailStatus, { color: string; c: string; variant: 'light' | 'outline' }> = {
  pending: { color: 'yellow', c: 'dark.7', variant: 'light' },
  sent: { color: 'teal', c: 'dark.7', variant: 'light' },
  failed: { color: 'red', c: 'red.9', variant: 'light' },
};

/** Waiting, sent or failed, in words and colour. */
export function MailStatusBadge({ status }: { status: MailStatus }) {
  const { t } = useTranslation();
  const s = STYLE[status];
  return (
    <Badge variant={s.variant} color={s.color} c={s.c} style={{ minWidth: 'max-content' }}>
      {t(`notifications:outbox.statusName.${status}`)}
    </Badge>
  );
}

/** The mail outbox for administrators: every notification mail, its state, and its full text. */
export function OutboxPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const [search, update] = useSearchState<OutboxSearch>();
  const { status, q, page = 1, size = 50 } = search;
  const [open, setOpen] = useState<string | null>(null);
  const list = useOutbox({ status, q, page, size });

  return (
    <>
      <PageHeader
        title={t('notifications:outbox.title')}
        description={t('notifications:outbox.description')}
      />
      {list.data && !list.data.smtpConfigured && (
        <Alert
          mb="md"
          color="orange"
          icon={<IconMailOff aria-hidden />}
          styles={{ label: { color: 'var(--mantine-color-dark-7)' } }}
          title={t('notifications:outbox.smtpOffTitle')}
        >
          {t('notifications:outbox.smtpOffBody')}
        </Alert>
      )}
      <Paper withBorder p="md">
        <Group mb="md" align="flex-end" wrap="wrap">
          <SearchBox
            value={q}
            onSearch={(v) => update({ q: v })}
            placeholder={t('notifications:outbox.searchPlaceholder')}
          />
          <Select
            label={t('notifications:outbox.status')}
            placeholder={t('common.all')}
            clearable
            data={MAIL_STATUSES.map((s) => ({ value: s, label: t(`notifications:outbox.statusName.${s}`) }))}
            value={status ?? null}
            onChange={(v) => update({ status: (v as MailStatus) ?? undefined })}
            w={200}
          />
        </Group>
        <QueryState
          query={list}
          isEmpty={(data) => data.items.length === 0}
          empty={
            <Empty
              title={t('notifications:outbox.empty')}
              description={q || status ? t('common.emptyFiltered') : undefined}
            />
          }
        >
          {(data) => (
            <>
              <ScrollTable minWidth={900} label={t('notifications:outbox.title')}>
                <Table striped highlightOnHover>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('notifications:outbox.createdAt')}</Table.Th>
                      <Table.Th>{t('notifications:outbox.to')}</Table.Th>
                      <Table.Th>{t('notifications:outbox.subject')}</Table.Th>
                      <Table.Th>{t('notifications:outbox.kind')}</Table.Th>
                      <Table.Th>{t('notifications:outbox.status')}</Table.Th>
                      <Table.Th>{t('common.actions')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((m) => (
                      <Table.Tr key={m.id}>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.dateTime(m.createdAt)}</Table.Td>
                        <Table.Td>{m.toAddress}</Table.Td>
                        <Table.Td lang={m.locale}>{m.subject}</Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          {t(`notifications:kindName.${m.kind}`, { defaultValue: m.kind })}
                        </Table.Td>
                        <Table.Td>
                          <MailStatusBadge status={m.status} />
                        </Table.Td>
                        <Table.Td>
                          <Button
                            size="xs"
                            variant="light"
                            onClick={() => setOpen(m.id)}
                            aria-label={t('notifications:outbox.viewNamed', { subject: m.subject })}
                          >
                            {t('notifications:outbox.view')}
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollTable>
              <Pager
                page={page}
                size={size}
                total={data.total}
                onPage={(p) => update({ page: p })}
                onSize={(n) => update({ size: n })}
              />
            </>
          )}
        </QueryState>
      </Paper>
      {open && <OutboxDrawer id={open} onClose={() => setOpen(null)} />}
    </>
  );
}

/** One mail as it was (or will be) sent: envelope, delivery state and the plain-text body. */
function OutboxDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const mail = useOutboxMail(id);
  const m = mail.data;
  const recipient = m?.employeeNumber
    ? `${f.name({ nameJa: m.employeeNameJa ?? '', nameEn: m.employeeNameEn ?? '' })} (${m.employeeNumber})`
    : '—';
  const rows: [string, React.ReactNode][] = m
    ? [
        [t('notifications:outbox.to'), m.toAddress],
        [t('notifications:outbox.recipient'), recipient],
        [
          t('notifications:outbox.subject'),
          <span key="subject" lang={m.locale}>
            {m.subject}
          </span>,
        ],
        [t('notifications:outbox.kind'), t(`notifications:kindName.${m.kind}`, { defaultValue: m.kind })],
        [t('notifications:outbox.language'), t(`language.${m.locale}`)],
        [t('notifications:outbox.status'), <MailStatusBadge key="status" status={m.status} />],
        [t('notifications:outbox.attempts'), f.number(m.attempts)],
        [t('notifications:outbox.createdAt'), f.dateTime(m.createdAt)],
        [t('notifications:outbox.sentAt'), m.sentAt ? f.dateTime(m.sentAt) : '—'],
        [t('notifications:outbox.nextAttemptAt'), m.nextAttemptAt ? f.dateTime(m.nextAttemptAt) : '—'],
        [t('notifications:outbox.lastError'), m.lastError ?? '—'],
      ]
    : [];
  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="xl"
      title={m?.subject ?? t('notifications:outbox.detail')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {!m ? (
        mail.isError ? (
          <LoadError error={mail.error} onRetry={() => mail.refetch()} />
        ) : (
          <PageLoader />
        )
      ) : (
        <Stack>
          <Table variant="vertical" withTableBorder layout="fixed">
            <Table.Tbody>
              {rows.map(([label, value]) => (
                <Table.Tr key={label}>
                  <Table.Th w={160}>{label}</Table.Th>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text fw={700}>{t('notifications:outbox.body')}</Text>
          <Code block lang={m.locale} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {m.textBody}
          </Code>
        </Stack>
      )}
    </Drawer>
  );
}
