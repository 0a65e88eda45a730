import { Alert, Button, Group, Modal, SegmentedControl, Select, Stack } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n';
import { expenseText } from '../expenses/expense-format';
import { ExpenseFields } from '../expenses/expense-fields';
import {
  type ExpenseValues,
  expenseBody,
  expenseValidation,
  expenseValues,
  usesQuantity,
} from '../expenses/expense-form-values';
import { type Expense, useExpenses } from '../expenses/expenses.api';
import type { RestatementLineInput } from './accounting.api';

/**
 * A restatement line as the form keeps it: the body sent, the expense it adjusts, and the form's
 * values (none for a reversal, which the server copies from the expense, negated).
 */
export type DraftLine = { body: RestatementLineInput; adjusts: Expense | null; values: ExpenseValues | null };

/** What the lines table shows of a line: its description, type and signed amount. */
export function lineSummary(l: DraftLine) {
  if (l.values === null && l.adjusts) return { ...l.adjusts, amountMinor: -l.adjusts.amountMinor };
  const b = l.body as Extract<RestatementLineInput, { type: unknown }>;
  return {
    descriptionJa: b.descriptionJa ?? null,
    descriptionEn: b.descriptionEn ?? null,
    type: b.type,
    currency: b.currency ?? 'JPY',
    amountMinor: b.amountMinor ?? 0,
  };
}

const negate = (s: string) => (s.startsWith('-') ? s.slice(1) : s === '' ? s : `-${s}`);

/** An expense's values negated: the line that takes it out of the year's figures. */
export function reversalValues(e: Expense): ExpenseValues {
  const v = expenseValues(e, { companyId: e.companyId, today: e.spentOn });
  const cost = negate(v.cost);
  return usesQuantity(v.valuationBasis)
    ? { ...v, quantity: negate(v.quantity), cost }
    : { ...v, amount: negate(v.amount), cost };
}

/**
 * One line of a restatement: a new expense of the closed year, or an adjustment of one of its
 * expenses (which may be negative: the reversal of a wrong entry, then its corrected line).
 */
export function LineEditor({
  fiscalYear,
  lastDay,
  initial,
  onSave,
  onClose,
}: {
  fiscalYear: number;
  /** The year's last day: a new line's date. */
  lastDay: string;
  initial: DraftLine | null;
  onSave: (line: DraftLine) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const [adjusts, setAdjusts] = useState<Expense | null>(initial?.adjusts ?? null);
  const [reverse, setReverse] = useState(!!initial && initial.values === null);
  const form = useForm<ExpenseValues>({
    initialValues: initial?.values ?? expenseValues(null, { companyId: null, today: lastDay }),
    validate: expenseValidation(t, true),
  });
  const save = (line: DraftLine) => {
    onSave(line);
    onClose();
  };
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (adjusts && reverse)
      return save({ adjusts, values: null, body: { adjustsExpenseId: adjusts.id, reverse: true } });
    if (form.validate().hasErrors) return;
    const body = expenseBody(form.values);
    // Only a line that adjusts an expense may take money out of the year.
    if (!adjusts && (body.amountMinor ?? 0) < 0) {
      const field = usesQuantity(form.values.valuationBasis) ? 'quantity' : 'amount';
      return form.setFieldError(field, t('expenses:form.amountPositive'));
    }
    save({ adjusts, values: form.values, body: { ...body, adjustsExpenseId: adjusts?.id ?? null } });
  };
  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={t(initial ? 'expenses:restatements.editLine' : 'expenses:restatements.addLine')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <ExpensePicker
            fiscalYear={fiscalYear}
            value={adjusts}
            onChange={(picked) => {
              setAdjusts(picked);
              setReverse(!!picked);
              if (picked) form.setValues(reversalValues(picked));
            }}
          />
          {adjusts && (
            <SegmentedControl
              aria-label={t('expenses:restatements.mode')}
              data={[
                { value: 'reverse', label: t('expenses:restatements.reverse') },
                { value: 'line', label: t('expenses:restatements.adjustLine') },
              ]}
              value={reverse ? 'reverse' : 'line'}
              onChange={(v) => setReverse(v === 'reverse')}
            />
          )}
          {adjusts && reverse ? (
            <Alert color="blue" role="status">
              {t('expenses:restatements.reverseHelp', {
                name: expenseText(adjusts, f),
                amount: f.money(-adjusts.amountMinor, adjusts.currency),
              })}
            </Alert>
          ) : (
            <>
              {adjusts && (
                <Alert color="blue" role="status">
                  {t('expenses:restatements.reversalHelp')}
                </Alert>
              )}
              <ExpenseFields form={form} />
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit">{t('expenses:restatements.keepLine')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Picks the closed year's expense a line adjusts, by typing part of its description or reference. */
function ExpensePicker({
  fiscalYear,
  value,
  onChange,
}: {
  fiscalYear: number;
  value: Expense | null;
  onChange: (e: Expense | null) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const [typed, setTyped] = useState('');
  const [q] = useDebouncedValue(typed, 300);
  const list = useExpenses({ fiscalYear, q: q || undefined, size: 50 });
  const all = new Map<string, Expense>();
  if (value) all.set(value.id, value);
  for (const e of list.data?.items ?? []) if (!e.adjustsExpenseId) all.set(e.id, e);
  const label = (e: Expense) =>
    `${f.date(e.spentOn)} · ${e.companyCode} · ${expenseText(e, f)} · ${f.money(e.amountJpy, 'JPY')}`;
  return (
    <Select
      label={t('expenses:restatements.adjusts')}
      description={t('expenses:restatements.adjustsHelp')}
      placeholder={t('expenses:restatements.adjustsNone')}
      searchable
      clearable
      data={[...all.values()].map((e) => ({ value: e.id, label: label(e) }))}
      value={value?.id ?? null}
      onChange={(id) => onChange(id ? (all.get(id) ?? null) : null)}
      onSearchChange={setTyped}
      filter={({ options }) => options}
      nothingFoundMessage={t('expenses:restatements.noExpense')}
    />
  );
}
