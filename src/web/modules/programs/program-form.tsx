import {
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/client';
import { useMe } from '../../api/session';
import { FormError, notifySuccess, PageLoader, QueryState } from '../../components/feedback';
import { CompanySelect } from '../../components/org-selects';
import { PageHeader } from '../../components/page-header';
import { useFormat } from '../../i18n';
import { useOrganisation } from '../organisations/organisations.api';
import { bodyOf, CLASSIFICATION_INPUTS, type Values, validation, valuesOf } from './program-form-values';
import {
  inLocale,
  managedCompanies,
  PROGRAM_FRAMEWORKS,
  PROGRAM_STATUSES,
  type Program,
  programName,
  useClassifications,
  useProgram,
  useSaveProgram,
} from './programs.api';

/** /programs/new: register a program. */
export function ProgramCreatePage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('programs:form.createTitle')} />
      <ProgramForm program={null} />
    </>
  );
}

/** /programs/$id/edit: change a program's names, classifications, years and status. */
export function ProgramEditPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { id } = useParams({ strict: false }) as { id: string };
  const item = useProgram(id);
  return (
    <>
      <PageHeader
        title={
          item.data
            ? t('programs:form.editTitle', { name: programName(f.locale, item.data) })
            : t('programs:action.edit')
        }
      />
      <QueryState query={item}>{(p) => <ProgramForm program={p} />}</QueryState>
    </>
  );
}

function ProgramForm({ program }: { program: Program | null }) {
  const org = useOrganisation();
  if (org.isPending) return <PageLoader />;
  return (
    <FormBody
      program={program}
      thisYear={org.data?.currentFiscalYear.startYear ?? new Date().getFullYear()}
    />
  );
}

function FormBody({ program, thisYear }: { program: Program | null; thisYear: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();
  const save = useSaveProgram();
  const terms = useClassifications();
  const me = useMe();
  const only = managedCompanies(me.roles);
  const form = useForm<Values>({
    initialValues: valuesOf(program, only?.length === 1 ? only[0] : null, thisYear),
    validate: validation(t),
  });
  const options = (scheme: string, current: string | null) =>
    (terms.data ?? [])
      .filter((c) => c.scheme === scheme && (!c.retiredOn || c.code === current))
      .map((c) => ({ value: c.code, label: inLocale(f.locale, c.labelJa, c.labelEn) }));
  const submit = form.onSubmit((values) =>
    save.mutate(
      { id: program?.id, body: bodyOf(values) },
      {
        onSuccess: (saved) => {
          const name = programName(f.locale, saved);
          notifySuccess(program ? t('programs:form.saved', { name }) : t('programs:form.created', { name }));
          void navigate({ to: '/programs/$id', params: { id: saved.id } });
        },
        onError: (error) => form.setErrors(fieldErrors(error)),
      },
    ),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <FormError error={save.error} />
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t('programs:form.basics')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('programs:field.code')}
              description={t('programs:form.codeHelp')}
              required
              {...form.getInputProps('code')}
            />
            <CompanySelect
              label={t('programs:field.company')}
              only={
                only && program && !only.includes(program.companyId) ? [...only, program.companyId] : only
              }
              required
              allowDeselect={false}
              {...form.getInputProps('companyId')}
            />
            <TextInput label={t('programs:field.nameJa')} lang="ja" {...form.getInputProps('nameJa')} />
            <TextInput label={t('programs:field.nameEn')} lang="en" {...form.getInputProps('nameEn')} />
            <Textarea
              label={t('programs:field.descriptionJa')}
              lang="ja"
              autosize
              minRows={4}
              {...form.getInputProps('descriptionJa')}
            />
            <Textarea
              label={t('programs:field.descriptionEn')}
              lang="en"
              autosize
              minRows={4}
              {...form.getInputProps('descriptionEn')}
            />
            <Select
              label={t('programs:field.framework')}
              allowDeselect={false}
              data={PROGRAM_FRAMEWORKS.map((k) => ({ value: k, label: t(`programs:framework.${k}`) }))}
              {...form.getInputProps('framework')}
            />
            <Select
              label={t('programs:field.status')}
              allowDeselect={false}
              data={PROGRAM_STATUSES.map((k) => ({ value: k, label: t(`programs:status.${k}`) }))}
              {...form.getInputProps('status')}
            />
            <NumberInput
              label={t('programs:field.startYear')}
              description={t('programs:form.yearHelp')}
              required
              min={1900}
              max={2200}
              {...form.getInputProps('startYear')}
            />
            <NumberInput
              label={t('programs:field.endYear')}
              min={1900}
              max={2200}
              {...form.getInputProps('endYear')}
            />
            <NumberInput
              label={t('programs:field.reviewCycleMonths')}
              min={1}
              max={60}
              {...form.getInputProps('reviewCycleMonths')}
            />
          </SimpleGrid>
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t('programs:detail.classifications')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {CLASSIFICATION_INPUTS.map(([field, scheme]) => (
              <Select
                key={field}
                label={t(`programs:scheme.${scheme}`)}
                clearable
                searchable
                disabled={terms.isPending}
                data={options(scheme, form.values[field])}
                {...form.getInputProps(field)}
              />
            ))}
            <MultiSelect
              label={t('programs:field.sdgs')}
              clearable
              data={Array.from({ length: 17 }, (_, i) => ({
                value: String(i + 1),
                label: t('programs:sdgNamed', { n: i + 1 }),
              }))}
              {...form.getInputProps('sdgs')}
            />
          </SimpleGrid>
        </Paper>
        <Group justify="flex-end">
          <Button
            variant="default"
            onClick={() =>
              void navigate(
                program ? { to: '/programs/$id', params: { id: program.id } } : { to: '/programs' },
              )
            }
          >
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
