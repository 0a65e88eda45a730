import { Anchor, Badge, Button, Group, Modal, Paper, Stack, Table, Text } from '@mantine/core';
import { IconLock, IconLockOpen } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../api/session';
import { Empty, ScrollTable } from '../../components/data-table';
import { FormError, notifySuccess, QueryState } from '../../components/feedback';
import { PageHeader } from '../../components/page-header';
import { useFormat } from '../../i18n';
import { type AccountingYear, useCloseYear, useYears } from './accounting.api';

/**
 * The fiscal years with expenses: their count and company-method total, closed or open. Finance
 * closes a year that has ended (a confirm dialog says it is final); a closed year's figures change
 * only through restatements.
 */
export function YearsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const canClose = useCan()('years.close');
  const label = (y: AccountingYear) => (f.locale === 'ja' ? y.labelJa : y.labelEn);
  const years = useYears();
  const [closing, setClosing] = useState<AccountingYear | null>(null);
  return (
    <>
      <PageHeader title={t('expenses:years.title')} description={t('expenses:years.description')} />
      <Paper withBorder p="md">
        <QueryState
          query={years}
          isEmpty={(items) => items.length === 0}
          empty={<Empty title={t('expenses:years.empty')} description={t('expenses:years.emptyHelp')} />}
        >
          {(items) => (
            <ScrollTable minWidth={760} label={t('expenses:years.title')}>
              <Table striped verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('expenses:field.fiscalYear')}</Table.Th>
                    <Table.Th ta="right">{t('expenses:years.count')}</Table.Th>
                    <Table.Th ta="right">{t('expenses:years.total')}</Table.Th>
                    <Table.Th>{t('expenses:years.status')}</Table.Th>
                    <Table.Th>{t('expenses:years.restatements')}</Table.Th>
                    <Table.Th>{t('common.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {[...items]
                    .sort((a, b) => b.fiscalYear - a.fiscalYear)
                    .map((y) => (
                      <Table.Tr key={y.fiscalYear}>
                        <Table.Td fw={600}>
                          <Anchor
                            size="sm"
                            renderRoot={(props) => (
                              <Link
                                to="/accounting/totals"
                                search={{ fiscalYear: y.fiscalYear }}
                                {...props}
                              />
                            )}
                          >
                            {label(y)}
                          </Anchor>
                        </Table.Td>
                        <Table.Td ta="right">{f.number(y.expenseCount)}</Table.Td>
                        <Table.Td ta="right">{f.money(y.totalJpy, 'JPY')}</Table.Td>
                        <Table.Td>
                          {y.closed ? (
                            <Stack gap={2}>
                              <Badge
                                color="gray"
                                variant="light"
                                c="dark.7"
                                leftSection={<IconLock size={12} aria-hidden />}
                              >
                                {t('expenses:years.closed')}
                              </Badge>
                              <Text size="xs" c="dimmed">
                                {t('expenses:years.closedAt', { at: f.dateTime(y.closedAt) })}
                              </Text>
                            </Stack>
                          ) : (
                            <Badge
                              color="teal"
                              variant="light"
                              c="dark.7"
                              leftSection={<IconLockOpen size={12} aria-hidden />}
                            >
                              {t(y.ended ? 'expenses:years.open' : 'expenses:years.current')}
                            </Badge>
                          )}
                        </Table.Td>
                        <Table.Td>
                          {y.closed && (
                            <Anchor
                              size="sm"
                              renderRoot={(props) => (
                                <Link
                                  to="/accounting/years/$fiscalYear/restatements"
                                  params={{ fiscalYear: String(y.fiscalYear) }}
                                  {...props}
                                />
                              )}
                            >
                              {t('expenses:years.restatementCount', { count: y.restatementCount })}
                            </Anchor>
                          )}
                        </Table.Td>
                        <Table.Td>
                          {canClose && !y.closed && (
                            <Button
                              size="xs"
                              variant="light"
                              color="red"
                              leftSection={<IconLock size={14} aria-hidden />}
                              disabled={!y.ended}
                              title={y.ended ? undefined : t('expenses:years.notEnded')}
                              onClick={() => setClosing(y)}
                              aria-label={t('expenses:years.closeNamed', { year: label(y) })}
                            >
                              {t('expenses:years.close')}
                            </Button>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )}
        </QueryState>
      </Paper>
      {closing && <CloseDialog year={closing} onClose={() => setClosing(null)} />}
    </>
  );
}

/** Asks before closing: the year's expenses and figures freeze for good. */
function CloseDialog({ year, onClose }: { year: AccountingYear; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const close = useCloseYear();
  const label = f.locale === 'ja' ? year.labelJa : year.labelEn;
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('expenses:years.confirmTitle', { year: label })}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack>
        <FormError error={close.error} />
        <Text>
          {t('expenses:years.confirmFigures', {
            count: year.expenseCount,
            total: f.money(year.totalJpy, 'JPY'),
            countText: f.number(year.expenseCount),
          })}
        </Text>
        <Text fw={600}>{t('expenses:years.confirmFinal')}</Text>
        <Text size="sm" c="dimmed">
          {t('expenses:years.confirmLedger')}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={close.isPending}
            onClick={() =>
              close.mutate(year.fiscalYear, {
                onSuccess: () => {
                  notifySuccess(t('expenses:years.closedToast', { year: label }));
                  onClose();
                },
              })
            }
          >
            {t('expenses:years.confirm', { year: label })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
