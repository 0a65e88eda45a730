import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconClipboardCheck } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../api/session';
import { Empty, ScrollTable } from '../../components/data-table';
import { notifyError, QueryState } from '../../components/feedback';
import { useFormat } from '../../i18n';
import { ScreeningDetail } from './screening-detail';
import { usePartnerScreenings, useStartScreening } from './screening.api';
import { STATUS_COLOR } from './screening-text';

/**
 * A partner's screenings against the selection guidelines: the history (who decided, when
 * re-screening is due) and the selected one in full; screeners start one and answer it here.
 * Mountable on the partner's page.
 */
export function PartnerScreenings({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const list = usePartnerScreenings(partnerId);
  const start = useStartScreening(partnerId);
  const [chosen, setChosen] = useState<string | null>(null);
  const items = list.data?.items ?? [];
  const draft = items.find((s) => s.status === 'draft');
  const selectedId = chosen && items.some((s) => s.id === chosen) ? chosen : (draft ?? items[0])?.id;
  const begin = () => start.mutateAsync().then((s) => setChosen(s.id), notifyError);
  return (
    <Stack component="section" aria-labelledby="partner-screenings">
      <Group justify="space-between">
        <Title order={2} size="h4" id="partner-screenings">
          {t('screening:partner.title')}
        </Title>
        <Group gap="sm">
          {can('partners.read') && (
            <Anchor component={Link} to="/partners/guidelines" size="sm">
              {t('screening:partner.guidelines')}
            </Anchor>
          )}
          {can('partners.screen') && !draft && (
            <Button
              leftSection={<IconClipboardCheck size={16} aria-hidden />}
              onClick={begin}
              loading={start.isPending}
            >
              {items.length ? t('screening:partner.rescreen') : t('screening:partner.start')}
            </Button>
          )}
        </Group>
      </Group>
      <QueryState
        query={list}
        isEmpty={(d) => d.items.length === 0}
        empty={<Empty title={t('screening:partner.empty')} description={t('screening:partner.emptyHelp')} />}
      >
        {(data) => (
          <>
            <Paper withBorder>
              <ScrollTable minWidth={720} label={t('screening:partner.history')}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('screening:partner.started')}</Table.Th>
                      <Table.Th>{t('screening:guidelines.version')}</Table.Th>
                      <Table.Th>{t('screening:partner.status')}</Table.Th>
                      <Table.Th>{t('screening:partner.decidedBy')}</Table.Th>
                      <Table.Th>{t('screening:partner.nextDue')}</Table.Th>
                      <Table.Th>{t('common.actions')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((s) => (
                      <Table.Tr key={s.id}>
                        <Table.Td>{f.date(s.createdAt.slice(0, 10))}</Table.Td>
                        <Table.Td>
                          {t('screening:guidelines.versionN', { version: s.guidelineVersion })}
                        </Table.Td>
                        <Table.Td>
                          <Badge color={STATUS_COLOR[s.status]} variant="light" c="dark.7">
                            {t(`screening:status.${s.status}`)}
                          </Badge>
                          {s.status === 'draft' && (
                            <Text size="xs" c="dimmed">
                              {t('screening:detail.progress', {
                                answered: s.answered,
                                total: s.criteriaCount,
                              })}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          {s.decidedBy ? (
                            <>
                              {s.decidedBy.name}
                              <Text size="xs" c="dimmed">
                                {s.decidedAt && f.date(s.decidedAt.slice(0, 10))}
                              </Text>
                            </>
                          ) : (
                            '—'
                          )}
                        </Table.Td>
                        <Table.Td>{s.nextDueOn ? f.date(s.nextDueOn) : '—'}</Table.Td>
                        <Table.Td>
                          <Button
                            size="xs"
                            variant={s.id === selectedId ? 'filled' : 'default'}
                            onClick={() => setChosen(s.id)}
                            aria-pressed={s.id === selectedId}
                          >
                            {s.status === 'draft' && can('partners.screen')
                              ? t('screening:partner.continue')
                              : t('screening:partner.view')}
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollTable>
            </Paper>
            {selectedId && (
              <ScreeningDetail
                key={selectedId}
                screeningId={selectedId}
                onDiscarded={() => setChosen(null)}
              />
            )}
          </>
        )}
      </QueryState>
    </Stack>
  );
}
