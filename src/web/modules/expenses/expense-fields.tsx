import {
  Alert,
  Fieldset,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { CompanySelect } from '../../components/org-selects';
import { currencyDigits, useFormat } from '../../i18n';
import { currencyOptions } from '../../reference';
import { PartnerSelect } from '../finance/partner-select';
import { ClassificationInputs, ProgramInput } from './expense-classification';
import {
  basisFor,
  computedAmountMinor,
  type ExpenseValues,
  usesCost,
  usesQuantity,
} from './expense-form-values';
import { BASES_BY_TYPE, EXPENSE_TYPES, type ExpenseType } from './expenses.api';

export type ExpenseForm = UseFormReturnType<ExpenseValues>;
type Form = ExpenseForm;

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h5" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/**
 * An expense's inputs, in four parts: what and when, to whom, how it is valued (the inputs follow
 * the type and valuation basis: quantity x unit price with the amount computed, the cost of an
 * in-kind item), and how the three methods classify it. `companies` limits the company choice.
 */
export function ExpenseFields({
  form,
  companies,
  locked = false,
}: {
  form: Form;
  companies?: string[];
  /** Posted from the giving ledger: its date, company and value follow the posting. */
  locked?: boolean;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const v = form.values;
  return (
    <Stack>
      {locked && (
        <Alert color="grape" role="note">
          {t('expenses:form.fromLedger')}
        </Alert>
      )}
      <Section title={t('expenses:form.what')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="date"
            label={t('expenses:field.spentOn')}
            description={t('expenses:form.spentOnHelp')}
            required
            disabled={locked}
            {...form.getInputProps('spentOn')}
          />
          <CompanySelect
            label={t('expenses:field.company')}
            required
            allowDeselect={false}
            disabled={locked}
            only={companies}
            {...form.getInputProps('companyId')}
          />
          <ProgramInput form={form} />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="expense-recipient-mode">
              {t('expenses:field.recipient')}
            </Text>
            <SegmentedControl
              aria-labelledby="expense-recipient-mode"
              data={[
                { value: 'partner', label: t('expenses:form.recipientPartner') },
                { value: 'text', label: t('expenses:form.recipientText') },
              ]}
              {...form.getInputProps('recipientMode')}
            />
            {v.recipientMode === 'partner' ? (
              <PartnerSelect
                label={t('expenses:form.partner')}
                placeholder={t('expenses:form.partnerPlaceholder')}
                value={v.partnerId ?? undefined}
                onChange={(id) => form.setFieldValue('partnerId', id ?? null)}
                error={form.errors.partnerId}
                w="auto"
              />
            ) : (
              <TextInput
                label={t('expenses:form.recipientName')}
                maxLength={200}
                {...form.getInputProps('recipientText')}
              />
            )}
          </Stack>
          <Textarea
            label={t('expenses:field.descriptionJa')}
            lang="ja"
            autosize
            minRows={2}
            {...form.getInputProps('descriptionJa')}
          />
          <Textarea
            label={t('expenses:field.descriptionEn')}
            lang="en"
            autosize
            minRows={2}
            {...form.getInputProps('descriptionEn')}
          />
        </SimpleGrid>
      </Section>
      <Section title={t('expenses:form.valuation')}>
        <Fieldset variant="unstyled" disabled={locked}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('expenses:field.type')}
              allowDeselect={false}
              data={EXPENSE_TYPES.map((k) => ({ value: k, label: t(`expenses:type.${k}`) }))}
              value={v.type}
              onChange={(next) => {
                if (!next) return;
                form.setFieldValue('type', next as ExpenseType);
                form.setFieldValue('valuationBasis', basisFor(next as ExpenseType, v.valuationBasis));
              }}
            />
            <Select
              label={t('expenses:field.valuationBasis')}
              description={t(`expenses:basisHelp.${v.valuationBasis}`)}
              allowDeselect={false}
              disabled={BASES_BY_TYPE[v.type].length === 1}
              data={BASES_BY_TYPE[v.type].map((k) => ({ value: k, label: t(`expenses:basis.${k}`) }))}
              {...form.getInputProps('valuationBasis')}
            />
            <Select
              label={t('expenses:field.currency')}
              searchable
              allowDeselect={false}
              data={currencyOptions(f.locale)}
              {...form.getInputProps('currency')}
            />
            <ValueInputs form={form} />
          </SimpleGrid>
        </Fieldset>
      </Section>
      <Section title={t('expenses:form.classification')}>
        <ClassificationInputs form={form} />
      </Section>
    </Stack>
  );
}

/** Quantity x unit price with the amount computed, or the amount; the cost for in-kind at market price. */
function ValueInputs({ form }: { form: Form }) {
  const { t } = useTranslation();
  const f = useFormat();
  const v = form.values;
  const digits = currencyDigits(v.currency);
  const computed = computedAmountMinor(v);
  const money = (key: 'unitPrice' | 'amount' | 'cost', label: string, description?: string) => (
    <TextInput
      label={label}
      description={description}
      inputMode="decimal"
      rightSection={<Text size="xs">{v.currency}</Text>}
      rightSectionWidth={48}
      required={key !== 'cost'}
      {...form.getInputProps(key)}
    />
  );
  return (
    <>
      {usesQuantity(v.valuationBasis) ? (
        <>
          <TextInput
            label={t(`expenses:quantity.${v.valuationBasis}`)}
            inputMode="decimal"
            required
            {...form.getInputProps('quantity')}
          />
          {money('unitPrice', t(`expenses:unitPrice.${v.valuationBasis}`))}
          <Stack gap={2} aria-live="polite">
            <Text size="sm" fw={500}>
              {t('expenses:form.computedAmount')}
            </Text>
            <Text size="lg" fw={700} data-testid="computed-amount">
              {computed === null ? '—' : f.money(computed, v.currency)}
            </Text>
            <Text size="xs" c="dimmed">
              {t('expenses:form.computedHelp')}
            </Text>
          </Stack>
        </>
      ) : (
        money('amount', t('expenses:field.amount'), t('expenses:form.amountHelp', { digits }))
      )}
      {usesCost(v.valuationBasis) && money('cost', t('expenses:field.cost'), t('expenses:form.costHelp'))}
    </>
  );
}
