import {
  Button,
  Fieldset,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/client';
import { useCan } from '../../api/session';
import type { Organisation } from '../../api/types';
import { PageHeader } from '../../components/page-header';
import { currencyOptions, monthOptions } from '../../reference';
import { useFormat } from '../../i18n';
import { FiscalYearPreview } from './fiscal-year-preview';
import { useOrganisation, useUpdateOrganisation } from './organisations.api';
import { LoadError, PageLoader, notifyError, notifySuccess } from '../../components/feedback';

type Values = {
  nameJa: string;
  nameEn: string;
  defaultLocale: 'ja' | 'en';
  fiscalYearStartMonth: string;
  fyLabelJa: 'start' | 'end';
  fyLabelEn: 'start' | 'end';
  defaultCurrency: string;
  pointValueMinor: number | string;
};

const toValues = (o: Organisation): Values => ({
  nameJa: o.nameJa,
  nameEn: o.nameEn,
  defaultLocale: o.defaultLocale,
  fiscalYearStartMonth: String(o.fiscalYearStartMonth),
  fyLabelJa: o.fyLabelJa,
  fyLabelEn: o.fyLabelEn,
  defaultCurrency: o.defaultCurrency,
  pointValueMinor: o.pointValueMinor,
});

/** Organisation settings: names, fiscal year and its labels, default currency and point value. */
export function SettingsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const canManage = useCan()('org.manage');
  const org = useOrganisation();
  const save = useUpdateOrganisation();
  const form = useForm<Values>({
    initialValues: {
      nameJa: '',
      nameEn: '',
      defaultLocale: 'ja',
      fiscalYearStartMonth: '4',
      fyLabelJa: 'start',
      fyLabelEn: 'end',
      defaultCurrency: 'JPY',
      pointValueMinor: 1,
    },
    validate: {
      nameJa: (v) => (v.trim() ? null : t('form.required')),
      nameEn: (v) => (v.trim() ? null : t('form.required')),
      pointValueMinor: (v) =>
        Number(v) >= 1 && Number.isInteger(Number(v)) ? null : t('settings.pointValueInvalid'),
    },
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset the form when the server's record changes
  useEffect(() => {
    if (org.data) {
      form.setValues(toValues(org.data));
      form.resetDirty(toValues(org.data));
    }
  }, [org.data]);

  if (org.isPending) return <PageLoader />;
  if (org.isError) return <LoadError error={org.error} onRetry={() => org.refetch()} />;

  const v = form.values;
  const legend = { legend: { fontWeight: 700, marginBottom: 'var(--mantine-spacing-sm)' } };
  const labelOptions = [
    { value: 'start', label: t('settings.labelStart') },
    { value: 'end', label: t('settings.labelEnd') },
  ];
  const submit = form.onSubmit((values) =>
    save.mutate(
      {
        ...values,
        fiscalYearStartMonth: Number(values.fiscalYearStartMonth),
        pointValueMinor: Number(values.pointValueMinor),
      },
      {
        onSuccess: () => notifySuccess(t('settings.saved')),
        onError: (error) => {
          form.setErrors(fieldErrors(error));
          notifyError(error);
        },
      },
    ),
  );

  return (
    <form onSubmit={submit} noValidate>
      <PageHeader
        title={t('settings.title')}
        description={t('settings.description', { code: org.data.code })}
      />
      <Stack gap="lg" maw={900}>
        <Paper withBorder p="lg">
          <Fieldset legend={t('settings.general')} variant="unstyled" disabled={!canManage} styles={legend}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('fields.nameJa')} required {...form.getInputProps('nameJa')} />
              <TextInput label={t('fields.nameEn')} required {...form.getInputProps('nameEn')} />
              <Select
                label={t('settings.defaultLocale')}
                data={[
                  { value: 'ja', label: t('language.ja') },
                  { value: 'en', label: t('language.en') },
                ]}
                allowDeselect={false}
                {...form.getInputProps('defaultLocale')}
              />
            </SimpleGrid>
          </Fieldset>
        </Paper>
        <Paper withBorder p="lg">
          <Fieldset
            legend={t('settings.fiscalYear')}
            variant="unstyled"
            disabled={!canManage}
            styles={legend}
          >
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select
                label={t('settings.startMonth')}
                data={monthOptions(f.locale)}
                allowDeselect={false}
                {...form.getInputProps('fiscalYearStartMonth')}
              />
              <Select
                label={t('settings.labelJa')}
                data={labelOptions}
                allowDeselect={false}
                {...form.getInputProps('fyLabelJa')}
              />
              <Select
                label={t('settings.labelEn')}
                data={labelOptions}
                allowDeselect={false}
                {...form.getInputProps('fyLabelEn')}
              />
            </SimpleGrid>
            <FiscalYearPreview
              startMonth={Number(v.fiscalYearStartMonth)}
              labelJa={v.fyLabelJa}
              labelEn={v.fyLabelEn}
            />
          </Fieldset>
        </Paper>
        <Paper withBorder p="lg">
          <Fieldset legend={t('settings.money')} variant="unstyled" disabled={!canManage} styles={legend}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('settings.defaultCurrency')}
                data={currencyOptions(f.locale)}
                searchable
                allowDeselect={false}
                {...form.getInputProps('defaultCurrency')}
              />
              <NumberInput
                label={t('settings.pointValue')}
                description={t('settings.pointValueHelp', {
                  value:
                    Number(v.pointValueMinor) >= 1
                      ? f.money(Number(v.pointValueMinor), v.defaultCurrency)
                      : '—',
                })}
                min={1}
                allowDecimal={false}
                thousandSeparator
                {...form.getInputProps('pointValueMinor')}
              />
            </SimpleGrid>
          </Fieldset>
        </Paper>
        {canManage && (
          <Group justify="flex-end">
            <Button variant="default" onClick={() => form.reset()} disabled={!form.isDirty()}>
              {t('common.reset')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
              {t('common.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
