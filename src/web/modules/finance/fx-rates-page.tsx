import {
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fiscalYearLabel } from '../../../shared/fiscal-year';
import { fieldErrors } from '../../api/client';
import { useCan } from '../../api/session';
import { Empty, ScrollTable } from '../../components/data-table';
import { FormError, LoadError, notifySuccess, PageLoader, QueryState } from '../../components/feedback';
import { useSearchState } from '../../components/list-filters';
import { PageHeader } from '../../components/page-header';
import { useFormat } from '../../i18n';
import { useOrganisation } from '../organisations/organisations.api';
import { type FxRate, useFxRates, usePutFxRate } from './finance.api';
import type { FxRatesSearch } from './finance-search';

type Editing = { fiscalYear: number; currency: string; jpyPerUnit: string; isNew: boolean };

/** Exchange rates per fiscal year and currency: the yen value of money given in other currencies. */
export function FxRatesPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const canManage = useCan()('ledger.manage');
  const org = useOrganisation();
  const [search, update] = useSearchState<FxRatesSearch>();
  const { fiscalYear, currency } = search;
  const rates = useFxRates({ fiscalYear, currency });
  const [editing, setEditing] = useState<Editing | null>(null);
  if (org.isPending) return <PageLoader />;
  if (org.isError) return <LoadError error={org.error} onRetry={() => org.refetch()} />;
  const settings = {
    startMonth: org.data.fiscalYearStartMonth,
    labelJa: org.data.fyLabelJa,
    labelEn: org.data.fyLabelEn,
  };
  const current = org.data.currentFiscalYear.startYear;
  const yearLabel = (y: number) => fiscalYearLabel(y, f.locale, settings);
  const years = Array.from({ length: 8 }, (_, i) => current + 1 - i);
  return (
    <>
      <PageHeader
        title={t('finance:fx.title')}
        description={t('finance:fx.description')}
        actions={
          canManage && (
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setEditing({ fiscalYear: current, currency: '', jpyPerUnit: '', isNew: true })}
            >
              {t('finance:fx.add')}
            </Button>
          )
        }
      />
      <Paper withBorder p="md">
        <Group mb="md" align="flex-end" wrap="wrap">
          <Select
            label={t('finance:fx.fiscalYear')}
            placeholder={t('common.all')}
            clearable
            data={years.map((y) => ({ value: String(y), label: yearLabel(y) }))}
            value={fiscalYear ? String(fiscalYear) : null}
            onChange={(v) => update({ fiscalYear: v ? Number(v) : undefined })}
            w={200}
          />
          <CurrencyFilter value={currency} onChange={(v) => update({ currency: v })} />
        </Group>
        <QueryState
          query={rates}
          isEmpty={(data) => data.items.length === 0}
          empty={<Empty title={t('finance:fx.empty')} description={t('finance:fx.emptyHelp')} />}
        >
          {(data) => (
            <ScrollTable minWidth={640} label={t('finance:fx.title')}>
              <Table striped verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('finance:fx.fiscalYear')}</Table.Th>
                    <Table.Th>{t('finance:fx.currency')}</Table.Th>
                    <Table.Th style={{ textAlign: 'right' }}>{t('finance:fx.rate')}</Table.Th>
                    <Table.Th>{t('finance:fx.updatedAt')}</Table.Th>
                    {canManage && <Table.Th>{t('common.actions')}</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((r) => (
                    <RateRow
                      key={`${r.fiscalYear}-${r.currency}`}
                      rate={r}
                      yearLabel={yearLabel(r.fiscalYear)}
                      onEdit={canManage ? () => setEditing({ ...r, isNew: false }) : undefined}
                    />
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )}
        </QueryState>
      </Paper>
      {editing && <RateModal initial={editing} yearLabel={yearLabel} onClose={() => setEditing(null)} />}
    </>
  );
}

/** A currency code typed in full (three letters) filters the list; a partial one waits. */
function CurrencyFilter({ value, onChange }: { value?: string; onChange: (v: string | undefined) => void }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState(value ?? '');
  return (
    <TextInput
      label={t('finance:fx.currency')}
      placeholder="USD"
      maxLength={3}
      value={typed}
      onChange={(e) => {
        const v = e.currentTarget.value.toUpperCase();
        setTyped(v);
        if (v === '' || /^[A-Z]{3}$/.test(v)) onChange(v || undefined);
      }}
      w={120}
    />
  );
}

function RateRow({ rate: r, yearLabel, onEdit }: { rate: FxRate; yearLabel: string; onEdit?: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Table.Tr>
      <Table.Td>{yearLabel}</Table.Td>
      <Table.Td>
        <Text size="sm" ff="monospace" span>
          {r.currency}
        </Text>{' '}
        <Text size="sm" c="dimmed" span>
          {f.currency(r.currency)}
        </Text>
      </Table.Td>
      <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
        {t('finance:fx.rateText', { rate: r.jpyPerUnit, currency: r.currency })}
      </Table.Td>
      <Table.Td>{f.dateTime(r.updatedAt)}</Table.Td>
      {onEdit && (
        <Table.Td>
          <Button
            size="xs"
            variant="subtle"
            leftSection={<IconPencil size={14} aria-hidden />}
            onClick={onEdit}
            aria-label={t('finance:fx.editNamed', { currency: r.currency, year: yearLabel })}
          >
            {t('finance:fx.edit')}
          </Button>
        </Table.Td>
      )}
    </Table.Tr>
  );
}

function RateModal({
  initial,
  yearLabel,
  onClose,
}: {
  initial: Editing;
  yearLabel: (y: number) => string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const put = usePutFxRate();
  const [fiscalYear, setFiscalYear] = useState<number>(initial.fiscalYear);
  const [currency, setCurrency] = useState(initial.currency);
  const [rate, setRate] = useState(initial.jpyPerUnit);
  const [checked, setChecked] = useState(false);
  const currencyOk = /^[A-Z]{3}$/.test(currency) && currency !== 'JPY';
  const rateOk = /^\d{1,12}(\.\d{1,6})?$/.test(rate.trim()) && /[1-9]/.test(rate);
  const errors = fieldErrors(put.error);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setChecked(true);
    if (!currencyOk || !rateOk) return;
    put.mutate(
      { fiscalYear, currency, jpyPerUnit: rate.trim() },
      {
        onSuccess: (saved) => {
          notifySuccess(
            t('finance:fx.saved', { currency: saved.currency, year: yearLabel(saved.fiscalYear) }),
          );
          onClose();
        },
      },
    );
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={
        initial.isNew
          ? t('finance:fx.add')
          : t('finance:fx.editTitle', { currency, year: yearLabel(fiscalYear) })
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormError error={put.error} />
          <NumberInput
            label={t('finance:fx.fiscalYear')}
            description={yearLabel(fiscalYear)}
            required
            disabled={!initial.isNew}
            min={1900}
            max={2999}
            allowDecimal={false}
            value={fiscalYear}
            onChange={(v) => typeof v === 'number' && setFiscalYear(v)}
          />
          <TextInput
            label={t('finance:fx.currency')}
            description={t('finance:fx.currencyHelp')}
            required
            disabled={!initial.isNew}
            maxLength={3}
            value={currency}
            error={(checked && !currencyOk && t('finance:fx.currencyInvalid')) || errors.currency}
            onChange={(e) => setCurrency(e.currentTarget.value.toUpperCase())}
          />
          <TextInput
            label={t('finance:fx.rateLabel', { currency: currency || '…' })}
            description={t('finance:fx.rateHelp')}
            required
            inputMode="decimal"
            value={rate}
            error={(checked && !rateOk && t('finance:fx.rateInvalid')) || errors.jpyPerUnit}
            onChange={(e) => setRate(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={put.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
