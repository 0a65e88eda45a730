import { MultiSelect, Select, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { SDGS } from '../../../shared/fields';
import { useFormat } from '../../i18n';
import { useSkills } from '../volunteering/registrations.api';
import { FIELDS } from './opportunities.api';
import type { Values } from './opportunity-form-values';

/**
 * What an opportunity is: titles and descriptions in Japanese and English (the organisation's default
 * language required), organiser, partner, field, SDGs and the skills it needs.
 */
export function TextFields({
  form,
  defaultLang,
}: {
  form: UseFormReturnType<Values>;
  defaultLang: 'ja' | 'en';
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const skills = useSkills();
  const lang = t(`opportunities:language.${defaultLang}`);
  return (
    <>
      <Text size="sm" c="dimmed">
        {t('opportunities:form.defaultLanguage', { language: lang })}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <TextInput
          label={t('opportunities:form.titleJa')}
          required={defaultLang === 'ja'}
          lang="ja"
          {...form.getInputProps('titleJa')}
        />
        <TextInput
          label={t('opportunities:form.titleEn')}
          required={defaultLang === 'en'}
          lang="en"
          {...form.getInputProps('titleEn')}
        />
        <Textarea
          label={t('opportunities:form.descriptionJa')}
          required={defaultLang === 'ja'}
          lang="ja"
          autosize
          minRows={4}
          {...form.getInputProps('descriptionJa')}
        />
        <Textarea
          label={t('opportunities:form.descriptionEn')}
          required={defaultLang === 'en'}
          lang="en"
          autosize
          minRows={4}
          {...form.getInputProps('descriptionEn')}
        />
        <TextInput
          label={t('opportunities:form.organiser')}
          description={t('opportunities:form.organiserHelp')}
          required
          {...form.getInputProps('organiser')}
        />
        <TextInput label={t('opportunities:form.partnerName')} {...form.getInputProps('partnerName')} />
        <Select
          label={t('opportunities:form.field')}
          required
          data={FIELDS.map((x) => ({ value: x, label: t(`field.${x}`) }))}
          {...form.getInputProps('field')}
        />
        <MultiSelect
          label={t('opportunities:form.sdgs')}
          data={SDGS.map((n) => ({ value: String(n), label: `SDG ${n}` }))}
          clearable
          {...form.getInputProps('sdgs')}
        />
        <MultiSelect
          label={t('opportunities:form.requiredSkills')}
          data={(skills.data ?? []).map((s) => ({ value: s.code, label: f.name(s) }))}
          searchable
          clearable
          {...form.getInputProps('requiredSkills')}
        />
      </SimpleGrid>
    </>
  );
}
