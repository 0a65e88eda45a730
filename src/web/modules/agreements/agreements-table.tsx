import { Anchor, Badge, Group, Stack, Table, Text } from '@mantine/core';
import { IconFileText } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ScrollTable, SortTh } from '../../components/data-table';
import { RowActions } from '../../components/row-actions';
import { useFormat } from '../../i18n';
import { nameOf } from '../partners/partners-page';
import { type Agreement, documentUrl } from './agreements.api';

const STATUS_COLOR = { draft: 'gray', active: 'teal', expired: 'yellow', terminated: 'red' } as const;

/** Status of an agreement, and a warning when an active one is past its end date. */
export function AgreementStatusBadge({ a }: { a: Agreement }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      <Badge variant="light" color={STATUS_COLOR[a.status]} c="dark.7">
        {t(`partners:agreements.statuses.${a.status}`)}
      </Badge>
      {a.lapsed && (
        <Badge variant="outline" color="orange" c="dark.7">
          {t('partners:agreements.lapsed')}
        </Badge>
      )}
    </Group>
  );
}

/** Agreements as a table: kind, title, parties (linked), company, period, status and documents. */
export function AgreementsTable({
  items,
  sort,
  onSort,
  onEdit,
  dimmed,
}: {
  items: Agreement[];
  sort?: string;
  onSort?: (sort: string) => void;
  onEdit?: (a: Agreement) => void;
  dimmed?: boolean;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const th = (field: string, label: string) =>
    onSort ? (
      <SortTh field={field} sort={sort ?? ''} onSort={onSort}>
        {label}
      </SortTh>
    ) : (
      <Table.Th>{label}</Table.Th>
    );
  const title = (a: Agreement) => (f.locale === 'ja' ? a.titleJa : a.titleEn) ?? a.titleJa ?? a.titleEn ?? '';
  return (
    <ScrollTable minWidth={1000} label={t('partners:agreements.title')}>
      <Table striped highlightOnHover style={{ opacity: dimmed ? 0.6 : 1 }}>
        <Table.Thead>
          <Table.Tr>
            {th('code', t('partners:agreements.code'))}
            <Table.Th>{t('partners:agreements.agreement')}</Table.Th>
            <Table.Th>{t('partners:agreements.parties')}</Table.Th>
            <Table.Th>{t('partners:agreements.company')}</Table.Th>
            {th('startsOn', t('partners:agreements.period'))}
            <Table.Th>{t('partners:agreements.status')}</Table.Th>
            <Table.Th>{t('partners:agreements.documents')}</Table.Th>
            {onEdit && <Table.Th>{t('common.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td ff="monospace">{a.code}</Table.Td>
              <Table.Td>
                <Text size="sm">{title(a)}</Text>
                <Text size="xs" c="dimmed">
                  {t(`partners:agreements.kinds.${a.kind}`)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  {a.parties.map((p) => (
                    <Anchor
                      key={p.id}
                      size="sm"
                      renderRoot={(props) => <Link to="/partners/$id" params={{ id: p.id }} {...props} />}
                    >
                      {nameOf(f.locale, p)}
                    </Anchor>
                  ))}
                </Stack>
              </Table.Td>
              <Table.Td>{f.name(a.company)}</Table.Td>
              <Table.Td>
                {a.endsOn
                  ? `${f.date(a.startsOn)} – ${f.date(a.endsOn)}`
                  : t('partners:agreements.from', { date: f.date(a.startsOn) })}
              </Table.Td>
              <Table.Td>
                <AgreementStatusBadge a={a} />
              </Table.Td>
              <Table.Td>
                {a.documents.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('partners:agreements.noDocuments')}
                  </Text>
                ) : (
                  <Stack gap={2}>
                    {a.documents.map((d) => (
                      <Anchor
                        key={d.fileId}
                        href={documentUrl(d.fileId)}
                        target="_blank"
                        rel="noreferrer"
                        size="sm"
                        aria-label={t('partners:agreements.download', { name: d.name })}
                      >
                        <Group gap={4} component="span" wrap="nowrap">
                          <IconFileText size={14} aria-hidden />
                          {d.name}
                        </Group>
                      </Anchor>
                    ))}
                  </Stack>
                )}
              </Table.Td>
              {onEdit && (
                <Table.Td>
                  <RowActions name={a.code} onEdit={() => onEdit(a)} />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
