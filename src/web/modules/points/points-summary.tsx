import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/confirm-button';
import { ScrollTable } from '../../components/data-table';
import { notifyError, notifySuccess } from '../../components/feedback';
import { useFormat } from '../../i18n';
import { type PointsAccounts, type PointsYearSummary, useExpireYear } from './points.api';

const FIGURES = ['granted', 'reimbursed', 'donated', 'expired', 'outstanding'] as const;

/** The expiry of an ended year's leftover points, after a confirmation; safe to run again. */
function ExpireButton({ year }: { year: PointsYearSummary }) {
  const { t } = useTranslation();
  const f = useFormat();
  const expire = useExpireYear();
  const run = () =>
    expire.mutateAsync(year.fiscalYear).then(
      (r) =>
        notifySuccess(
          r.accounts > 0
            ? t('points:expiry.done', {
                year: r.label,
                points: f.number(r.points),
                accounts: f.number(r.accounts),
              })
            : t('points:expiry.nothing', { year: r.label }),
        ),
      notifyError,
    );
  return (
    <ConfirmButton
      size="xs"
      label={t('points:expiry.action')}
      title={t('points:expiry.title', { year: year.label })}
      message={t('points:expiry.confirm', {
        year: year.label,
        points: f.number(year.outstanding),
        value: f.money(year.outstandingJpy, 'JPY'),
        employees: f.number(year.employees),
        date: f.date(year.expiresOn),
      })}
      confirmLabel={t('points:expiry.action')}
      onConfirm={run}
      loading={expire.isPending}
    />
  );
}

/**
 * The points plan per fiscal year: granted = reimbursed + donated + expired + outstanding. An ended
 * year that still holds points offers its expiry to those who may run it.
 */
export function PointsSummary({ data, canManage }: { data: PointsAccounts; canManage: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const state = (y: PointsYearSummary) =>
    y.ended ? 'ended' : y.fiscalYear === data.currentFiscalYear ? 'current' : 'upcoming';
  return (
    <ScrollTable minWidth={900} label={t('points:admin.summaryTitle')}>
      <Table striped verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('points:fiscalYear')}</Table.Th>
            <Table.Th ta="right">{t('points:admin.employees')}</Table.Th>
            {FIGURES.map((k) => (
              <Table.Th key={k} ta="right">
                {t(`points:figures.${k}`)}
              </Table.Th>
            ))}
            <Table.Th>{t('points:admin.expiresOn')}</Table.Th>
            <Table.Th>{t('points:admin.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.items.map((y) => (
            <Table.Tr key={y.fiscalYear}>
              <Table.Th scope="row">{y.label}</Table.Th>
              <Table.Td ta="right">{f.number(y.employees)}</Table.Td>
              {FIGURES.map((k) => (
                <Table.Td key={k} ta="right">
                  {f.number(y[k])}
                  {k === 'outstanding' && y.outstanding > 0 && (
                    <Text size="xs" c="dimmed">
                      {f.money(y.outstandingJpy, 'JPY')}
                    </Text>
                  )}
                </Table.Td>
              ))}
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.date(y.expiresOn)}</Table.Td>
              <Table.Td>
                {y.ended && y.outstanding > 0 && canManage ? (
                  <ExpireButton year={y} />
                ) : (
                  <Badge variant="light" color={state(y) === 'ended' ? 'gray' : 'teal'} c="dark.7">
                    {t(`points:year.${state(y)}`)}
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
