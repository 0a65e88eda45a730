import { Checkbox, Select, SimpleGrid } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useFormat } from '../../i18n';
import { type Program, programName, usePrograms } from '../programs/programs.api';
import { type ExpenseScheme, useTerms } from './expense-format';
import type { ExpenseForm as Form } from './expense-fields';
import type { ExpenseValues } from './expense-form-values';
import { EXPENSE_CHANNELS } from './expenses.api';

const SCHEME_FIELDS: [keyof ExpenseValues & string, ExpenseScheme][] = [
  ['keidanrenField', 'keidanren_field'],
  ['companyField', 'company_field'],
  ['b4siCause', 'b4si_cause'],
  ['b4siMotivation', 'b4si_motivation'],
  ['b4siRegion', 'b4si_region'],
];

/** How the three methods classify an expense: the fields, B4SI's terms, the channel, political. */
export function ClassificationInputs({ form }: { form: Form }) {
  const { t } = useTranslation();
  const f = useFormat();
  const terms = useTerms(f);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      {SCHEME_FIELDS.map(([field, scheme]) => (
        <Select
          key={field}
          label={t(`expenses:scheme.${scheme}`)}
          description={scheme === 'b4si_region' ? t('expenses:form.regionHelp') : undefined}
          required={field === 'keidanrenField'}
          clearable={field !== 'keidanrenField'}
          searchable
          disabled={terms.pending}
          data={terms.options(scheme, form.values[field] as string | null)}
          {...form.getInputProps(field)}
        />
      ))}
      <Select
        label={t('expenses:field.channel')}
        description={t('expenses:form.channelHelp')}
        placeholder={t('expenses:form.channelAuto')}
        clearable
        data={EXPENSE_CHANNELS.map((c) => ({ value: c, label: t(`expenses:channel.${c}`) }))}
        value={form.values.channel || null}
        onChange={(c) => form.setFieldValue('channel', (c ?? '') as ExpenseValues['channel'])}
      />
      <Checkbox
        mt="lg"
        label={t('expenses:field.political')}
        description={t('expenses:form.politicalHelp')}
        {...form.getInputProps('political', { type: 'checkbox' })}
      />
    </SimpleGrid>
  );
}

/** The program (optional); choosing one fills the classifications left empty from the program's. */
export function ProgramInput({ form }: { form: Form }) {
  const { t } = useTranslation();
  const f = useFormat();
  const queryClient = useQueryClient();
  const programs = usePrograms({ size: 200, sort: 'code' });
  const data = (programs.data?.items ?? []).map((p) => ({
    value: p.id,
    label: `${p.code} ${programName(f.locale, p)}`,
  }));
  const pick = async (id: string | null) => {
    form.setFieldValue('programId', id);
    if (!id) return;
    const program = await queryClient
      .fetchQuery({ queryKey: ['programs', 'item', id], queryFn: () => api<Program>(`/api/programs/${id}`) })
      .catch(() => null);
    if (!program) return;
    const fill = {
      keidanrenField: program.keidanrenField,
      companyField: program.companyField,
      b4siCause: program.b4siCause,
      b4siMotivation: program.b4siMotivation,
    };
    for (const [key, value] of Object.entries(fill) as [keyof typeof fill, string | null][])
      if (value && !form.values[key]) form.setFieldValue(key, value);
  };
  return (
    <Select
      label={t('expenses:field.program')}
      description={t('expenses:form.programHelp')}
      searchable
      clearable
      disabled={programs.isPending}
      data={data}
      value={form.values.programId}
      onChange={(id) => void pick(id)}
    />
  );
}
