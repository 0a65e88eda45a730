import {
  Alert,
  Button,
  Group,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { VISIBILITIES } from '../../../shared/volunteering';
import { fieldErrors } from '../../api/client';
import { useList } from '../../api/resources';
import { useMe } from '../../api/session';
import type { Company, Site } from '../../api/types';
import { FormError, LoadError, notifySuccess, PageLoader, QueryState } from '../../components/feedback';
import { PageHeader } from '../../components/page-header';
import { useFormat } from '../../i18n';
import { useOrganisation } from '../organisations/organisations.api';
import { bodyOf, formPath, postingScope, type Values, validation, valuesOf } from './opportunity-form-values';
import { type Opportunity, titleOf, useOpportunity, useSaveOpportunity } from './opportunities.api';
import { PlaceFields } from './place-fields';
import { TextFields } from './text-fields';
import { ShiftFields } from './shift-fields';

const ALL = { size: 200, sort: 'code' } as const;

/** /opportunities/new: post an opportunity (saved as a draft). */
export function OpportunityCreatePage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('opportunities:form.createTitle')} />
      <OpportunityForm opportunity={null} />
    </>
  );
}

/** /opportunities/$id/edit: change an opportunity and its shifts. */
export function OpportunityEditPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { id } = useParams({ strict: false }) as { id: string };
  const item = useOpportunity(id);
  return (
    <>
      <PageHeader
        title={
          item.data
            ? t('opportunities:form.editTitle', { title: titleOf(f.locale, item.data) })
            : t('opportunities:manage.edit')
        }
      />
      <QueryState query={item}>{(o) => <OpportunityForm key={o.id} opportunity={o} />}</QueryState>
    </>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  const id = useId();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" mb="sm" id={id}>
        {title}
      </Title>
      <Stack gap="sm">{children}</Stack>
    </Paper>
  );
}

/**
 * Create or edit an opportunity: ja and en texts (the organisation's default language required),
 * place, shifts in the site's (else the company's) time zone, and who may join. Companies and sites
 * are limited to where the user runs opportunities; the server's field messages show inline.
 */
export function OpportunityForm({ opportunity }: { opportunity: Opportunity | null }) {
  const org = useOrganisation();
  const companies = useList<Company>('companies', ALL);
  const sites = useList<Site>('sites', ALL);
  if (org.isPending || companies.isPending || sites.isPending) return <PageLoader />;
  const error = org.error ?? companies.error ?? sites.error;
  if (error) return <LoadError error={error} />;
  return (
    <FormBody
      opportunity={opportunity}
      defaultLang={org.data?.defaultLocale ?? 'ja'}
      companies={companies.data?.items ?? []}
      sites={sites.data?.items ?? []}
    />
  );
}

function FormBody({
  opportunity,
  defaultLang,
  companies,
  sites,
}: {
  opportunity: Opportunity | null;
  defaultLang: 'ja' | 'en';
  companies: Company[];
  sites: Site[];
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();
  const me = useMe();
  const save = useSaveOpportunity();
  const scope = postingScope(me.roles);
  const siteCompany = (siteId: string) => sites.find((s) => s.id === siteId)?.companyId;
  const allowedCompanies = scope && [
    ...new Set([...scope.companyIds, ...scope.siteIds.flatMap((id) => siteCompany(id) ?? [])]),
  ];
  const onlySite = scope && scope.siteIds.length === 1 && !scope.companyIds.length ? scope.siteIds[0] : null;
  const form = useForm<Values>({
    initialValues: valuesOf(opportunity, {
      companyId: onlySite
        ? (siteCompany(onlySite) ?? null)
        : allowedCompanies?.length === 1
          ? allowedCompanies[0]
          : null,
      siteId: onlySite,
    }),
    validate: validation(t, defaultLang),
  });
  const v = form.values;
  const site = v.siteId ? sites.find((s) => s.id === v.siteId) : undefined;
  const company = v.companyId ? companies.find((c) => c.id === v.companyId) : undefined;
  const timeZone = site?.timeZone ?? company?.timeZone ?? null;
  const sitesAllowed =
    !scope || (v.companyId && scope.companyIds.includes(v.companyId)) ? undefined : scope.siteIds;
  const submit = form.onSubmit((values) => {
    if (!timeZone) return;
    const body = bodyOf(values, timeZone);
    save.mutate(
      { id: opportunity?.id, body },
      {
        onSuccess: (saved) => {
          const title = titleOf(f.locale, saved);
          notifySuccess(
            opportunity
              ? t('opportunities:form.saved', { title })
              : t('opportunities:form.created', { title }),
          );
          void navigate({ to: '/opportunities/$id', params: { id: saved.id } });
        },
        onError: (error) => {
          const errors = fieldErrors(error);
          form.setErrors(Object.fromEntries(Object.entries(errors).map(([k, m]) => [formPath(k), m])));
        },
      },
    );
  });
  if (scope && !scope.companyIds.length && !scope.siteIds.length)
    return <Alert color="orange">{t('opportunities:form.noScope')}</Alert>;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <FormError error={save.error} />
        <Section title={t('opportunities:form.basics')}>
          <TextFields form={form} defaultLang={defaultLang} />
        </Section>
        <Section title={t('opportunities:form.placeSection')}>
          <PlaceFields
            form={form}
            companies={allowedCompanies}
            sites={sitesAllowed}
            siteHelp={!!scope?.siteIds.length}
          />
        </Section>
        <Section title={t('opportunities:form.scheduleSection')}>
          <ShiftFields form={form} timeZone={timeZone} />
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <TextInput
              type="datetime-local"
              label={t('opportunities:form.signupDeadline')}
              {...form.getInputProps('signupDeadline')}
            />
            <TextInput
              type="datetime-local"
              label={t('opportunities:form.cancelDeadline')}
              {...form.getInputProps('cancelDeadline')}
            />
          </SimpleGrid>
        </Section>
        <Section title={t('opportunities:form.audienceSection')}>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Select
              label={t('opportunities:form.visibility')}
              allowDeselect={false}
              data={VISIBILITIES.map((x) => ({ value: x, label: t(`opportunities:visibility.${x}`) }))}
              {...form.getInputProps('visibility')}
            />
            {v.visibility === 'companies' && (
              <MultiSelect
                label={t('opportunities:form.visibleCompanies')}
                required
                data={companies.map((c) => ({
                  value: c.id,
                  label: `${c.code} ${f.name(c)}`,
                }))}
                searchable
                {...form.getInputProps('visibleCompanyIds')}
              />
            )}
          </SimpleGrid>
          <Switch
            label={t('opportunities:form.familyAllowed')}
            {...form.getInputProps('familyAllowed', { type: 'checkbox' })}
          />
          <Switch
            label={t('opportunities:form.transportByPoints')}
            {...form.getInputProps('transportByPoints', { type: 'checkbox' })}
          />
        </Section>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => window.history.back()}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} disabled={!timeZone && !!v.companyId}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
