import { Select, SimpleGrid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { PREFECTURES } from '../../../shared/prefectures';
import { CompanySelect, SiteSelect } from '../../components/org-selects';
import { useFormat } from '../../i18n';
import { OPPORTUNITY_MODES } from './opportunities.api';
import type { Values } from './opportunity-form-values';

/**
 * Where an opportunity happens: its company and site (limited to where the user runs opportunities;
 * `sites` set means the user must pick one of their sites), the mode, the place and the online link.
 */
export function PlaceFields({
  form,
  companies,
  sites,
  siteHelp,
}: {
  form: UseFormReturnType<Values>;
  companies: string[] | undefined;
  sites: string[] | undefined;
  siteHelp: boolean;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const v = form.values;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <CompanySelect
        label={t('opportunities:form.company')}
        required
        only={companies}
        {...form.getInputProps('companyId')}
        onChange={(id) => form.setValues({ companyId: id, siteId: null })}
      />
      <SiteSelect
        label={t('opportunities:form.site')}
        description={siteHelp ? t('opportunities:form.siteHelp') : undefined}
        companyId={v.companyId}
        only={sites}
        clearable={!sites}
        required={!!sites}
        disabled={!v.companyId}
        {...form.getInputProps('siteId')}
      />
      <Select
        label={t('opportunities:form.mode')}
        required
        allowDeselect={false}
        data={OPPORTUNITY_MODES.map((x) => ({ value: x, label: t(`opportunities:mode.${x}`) }))}
        {...form.getInputProps('mode')}
      />
      {v.mode !== 'on_site' && (
        <TextInput
          type="url"
          label={t('opportunities:form.onlineUrl')}
          description={t('opportunities:form.onlineUrlHelp')}
          required
          {...form.getInputProps('onlineUrl')}
        />
      )}
      {v.mode !== 'online' && (
        <>
          <TextInput label={t('opportunities:form.address')} {...form.getInputProps('address')} />
          <Select
            label={t('opportunities:form.prefecture')}
            description={t('opportunities:form.placeHelp')}
            data={PREFECTURES.map((p) => ({ value: p.code, label: f.name(p) }))}
            searchable
            clearable
            {...form.getInputProps('prefecture')}
          />
          <TextInput label={t('opportunities:form.region')} {...form.getInputProps('region')} />
        </>
      )}
    </SimpleGrid>
  );
}
