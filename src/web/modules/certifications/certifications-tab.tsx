import { Badge, Button, Group, Paper, SegmentedControl, Select, Table, Text } from '@mantine/core';
import { IconFileImport, IconPlus, IconUserPlus } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../api/session';
import { Empty, Pager, ScrollTable } from '../../components/data-table';
import { QueryState } from '../../components/feedback';
import { SearchBox } from '../../components/list-filters';
import { useFormat } from '../../i18n';
import {
  type Certification,
  HOLDER_FILTERS,
  type Holder,
  type HolderFilter,
  useCertifications,
  useHolders,
} from './certifications.api';
import { AddHolderModal, CertificationModal, PeriodModal } from './certification-dialogs';
import { ImportModal } from './certification-import';

const STATUS_COLOR = { current: 'teal', expired: 'gray', revoked: 'red', upcoming: 'blue' } as const;
const certName = (locale: 'ja' | 'en', c: Certification) =>
  (locale === 'ja' ? (c.nameJa ?? c.nameEn) : (c.nameEn ?? c.nameJa)) ?? c.code;

type Dialog =
  | { kind: 'certification' }
  | { kind: 'holder' }
  | { kind: 'import' }
  | { kind: 'renew' | 'revoke'; holder: Holder }
  | null;

/**
 * The program's certifications tab: who is certified (current, expired, all), since when and until
 * when; a manager certifies, renews, revokes and imports. `canManage` is the program-scoped check.
 */
export function CertificationsTab({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const canManage = useCan()('programs.manage');
  const list = useCertifications(programId);
  const [certificationId, setCertificationId] = useState<string | null>(null);
  const [status, setStatus] = useState<HolderFilter>('current');
  const [q, setQ] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [size, setSize] = useState(50);
  const [dialog, setDialog] = useState<Dialog>(null);
  const items = list.data?.items ?? [];
  useEffect(() => {
    if (!certificationId && items.length) setCertificationId(items[0].id);
  }, [certificationId, items]);
  const holders = useHolders(certificationId, { status, q, page, size });
  const current = items.find((c) => c.id === certificationId);
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="md" align="flex-end" wrap="wrap">
        <Group align="flex-end" wrap="wrap">
          {items.length > 1 && (
            <Select
              label={t('certifications:tab.certification')}
              data={items.map((c) => ({ value: c.id, label: certName(f.locale, c) }))}
              value={certificationId}
              onChange={(v) => {
                setCertificationId(v);
                setPage(1);
              }}
              allowDeselect={false}
              w={260}
            />
          )}
          {current && (
            <Text size="sm" data-testid="certified-now">
              {t('certifications:tab.currentCount', {
                name: certName(f.locale, current),
                count: current.currentCount,
              })}
            </Text>
          )}
        </Group>
        {canManage && (
          <Group gap="xs">
            <Button
              variant="default"
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setDialog({ kind: 'certification' })}
            >
              {t('certifications:tab.addCertification')}
            </Button>
            {current && (
              <>
                <Button
                  variant="default"
                  leftSection={<IconFileImport size={16} aria-hidden />}
                  onClick={() => setDialog({ kind: 'import' })}
                >
                  {t('certifications:tab.import')}
                </Button>
                <Button
                  leftSection={<IconUserPlus size={16} aria-hidden />}
                  onClick={() => setDialog({ kind: 'holder' })}
                >
                  {t('certifications:tab.addHolder')}
                </Button>
              </>
            )}
          </Group>
        )}
      </Group>
      <QueryState
        query={list}
        isEmpty={(d) => d.items.length === 0}
        empty={<Empty title={t('certifications:tab.none')} description={t('certifications:tab.noneHelp')} />}
      >
        {() => (
          <>
            <Group mb="md" align="flex-end" wrap="wrap">
              <SegmentedControl
                aria-label={t('certifications:tab.status')}
                value={status}
                onChange={(v) => {
                  setStatus(v as HolderFilter);
                  setPage(1);
                }}
                data={HOLDER_FILTERS.map((s) => ({ value: s, label: t(`certifications:filter.${s}`) }))}
              />
              <SearchBox
                value={q}
                onSearch={(v) => {
                  setQ(v);
                  setPage(1);
                }}
                placeholder={t('certifications:tab.searchPlaceholder')}
              />
            </Group>
            <QueryState
              query={holders}
              isEmpty={(d) => d.items.length === 0}
              empty={
                <Empty
                  title={t('certifications:tab.noHolders')}
                  description={q ? t('common.emptyFiltered') : undefined}
                />
              }
            >
              {(data) => (
                <>
                  <ScrollTable minWidth={860} label={t('certifications:tab.holders')}>
                    <Table striped highlightOnHover>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>{t('certifications:tab.name')}</Table.Th>
                          <Table.Th>{t('certifications:tab.employeeNumber')}</Table.Th>
                          <Table.Th>{t('certifications:tab.since')}</Table.Th>
                          <Table.Th>{t('certifications:tab.period')}</Table.Th>
                          <Table.Th ta="right">{t('certifications:tab.periods')}</Table.Th>
                          <Table.Th>{t('certifications:tab.status')}</Table.Th>
                          {canManage && <Table.Th>{t('common.actions')}</Table.Th>}
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {data.items.map((h) => (
                          <Table.Tr key={h.id}>
                            <Table.Td>{f.name(h)}</Table.Td>
                            <Table.Td ff="monospace">{h.employeeNumber}</Table.Td>
                            <Table.Td>{f.date(h.firstCertifiedOn)}</Table.Td>
                            <Table.Td>
                              {f.date(h.certifiedOn)} –{' '}
                              {h.expiresOn ? f.date(h.expiresOn) : t('certifications:tab.noExpiry')}
                              {h.revokedOn && (
                                <Text size="xs" c="red.8">
                                  {t('certifications:tab.revokedOn', { date: f.date(h.revokedOn) })}
                                </Text>
                              )}
                            </Table.Td>
                            <Table.Td ta="right">{f.number(h.periods)}</Table.Td>
                            <Table.Td>
                              <Badge variant="light" color={STATUS_COLOR[h.status]} c="dark.7">
                                {t(`certifications:holderStatus.${h.status}`)}
                              </Badge>
                            </Table.Td>
                            {canManage && (
                              <Table.Td>
                                <Group gap={4} wrap="nowrap">
                                  {!h.revokedOn && (
                                    <Button
                                      size="compact-xs"
                                      variant="light"
                                      onClick={() => setDialog({ kind: 'renew', holder: h })}
                                    >
                                      {t('certifications:tab.renew')}
                                    </Button>
                                  )}
                                  {!h.revokedOn && (
                                    <Button
                                      size="compact-xs"
                                      variant="subtle"
                                      color="red"
                                      onClick={() => setDialog({ kind: 'revoke', holder: h })}
                                    >
                                      {t('certifications:tab.revoke')}
                                    </Button>
                                  )}
                                </Group>
                              </Table.Td>
                            )}
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </ScrollTable>
                  <Pager
                    page={page}
                    size={size}
                    total={data.total}
                    onPage={setPage}
                    onSize={(n) => {
                      setSize(n);
                      setPage(1);
                    }}
                  />
                </>
              )}
            </QueryState>
          </>
        )}
      </QueryState>
      {dialog?.kind === 'certification' && (
        <CertificationModal programId={programId} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'holder' && current && (
        <AddHolderModal certification={current} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'import' && <ImportModal programId={programId} onClose={() => setDialog(null)} />}
      {(dialog?.kind === 'renew' || dialog?.kind === 'revoke') && (
        <PeriodModal kind={dialog.kind} holder={dialog.holder} onClose={() => setDialog(null)} />
      )}
    </Paper>
  );
}
