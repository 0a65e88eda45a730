import {
  Button,
  Chip,
  Fieldset,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { FIELDS } from '../../../shared/fields';
import { AVAILABILITY, LANGUAGES } from '../../../shared/volunteering';
import { fieldErrors } from '../../api/client';
import { FormError, notifySuccess } from '../../components/feedback';
import { useFormat } from '../../i18n';
import { usePrefectures } from '../organisations/organisations.api';
import { languageName } from './registration-details';
import {
  type Registration,
  type RegistrationInput,
  useSaveRegistration,
  useSkills,
} from './registrations.api';

type Values = {
  interestFields: string[];
  skills: string[];
  skillsNote: string;
  languages: string[];
  prefecture: string | null;
  region: string;
  availability: string[];
  onlineOk: boolean;
};

/** A group of checkbox chips under a legend (a fieldset, so screen readers name the group). */
function ChipGroup({
  legend,
  description,
  options,
  value,
  onChange,
  error,
}: {
  legend: string;
  description?: string;
  options: { value: string; label: string }[];
  value: string[];
  onChange: (value: string[]) => void;
  error?: React.ReactNode;
}) {
  return (
    <Fieldset
      variant="unstyled"
      legend={
        <Text span size="sm" fw={500}>
          {legend}
        </Text>
      }
    >
      {description && (
        <Text size="xs" c="dimmed" mb={6}>
          {description}
        </Text>
      )}
      <Chip.Group multiple value={value} onChange={onChange}>
        <Group gap="xs">
          {options.map((o) => (
            <Chip key={o.value} value={o.value} variant="outline">
              {o.label}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      {error && (
        <Text size="sm" c="red.8" mt={4} role="alert">
          {error}
        </Text>
      )}
    </Fieldset>
  );
}

/** Server field problems keyed for the form: `skills.2` shows under the skills input. */
const formErrors = (error: unknown) =>
  Object.fromEntries(Object.entries(fieldErrors(error)).map(([path, m]) => [path.replace(/\.\d+$/, ''), m]));

/**
 * The volunteer profile: fields of interest, skills, languages, place, availability and online. Saves
 * the whole profile (PUT), which joins the service when the employee has not joined or has left.
 */
export function RegistrationForm({
  registration,
  submitLabel,
  onCancel,
}: {
  registration: Registration | null;
  submitLabel: string;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const save = useSaveRegistration();
  const skills = useSkills(true);
  const prefectures = usePrefectures();
  const form = useForm<Values>({
    initialValues: {
      interestFields: registration?.interestFields ?? [],
      skills: registration?.skills ?? [],
      skillsNote: registration?.skillsNote ?? '',
      languages: registration?.languages ?? [f.locale],
      prefecture: registration?.prefecture ?? null,
      region: registration?.region ?? '',
      availability: registration?.availability ?? [],
      onlineOk: registration?.onlineOk ?? true,
    },
  });
  const held = registration?.skills ?? [];
  const skillOptions = (skills.data ?? [])
    .filter((s) => s.active || held.includes(s.code))
    .map((s) => ({ value: s.code, label: f.name(s) }));
  const joining = !registration || registration.status === 'left';
  const submit = form.onSubmit((v) => {
    const body = {
      ...v,
      skillsNote: v.skillsNote.trim() || null,
      region: v.region.trim() || null,
    } as RegistrationInput;
    save.mutate(body, {
      onSuccess: () => {
        notifySuccess(joining ? t('volunteer:profile.joined') : t('volunteer:profile.saved'));
        form.resetDirty();
      },
      onError: (error) => form.setErrors(formErrors(error)),
    });
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <FormError error={save.error} />
        <ChipGroup
          legend={t('volunteer:fields.interestFields')}
          description={t('volunteer:profile.interestHelp')}
          options={FIELDS.map((code) => ({ value: code, label: t(`field.${code}`) }))}
          value={form.values.interestFields}
          onChange={(v) => form.setFieldValue('interestFields', v)}
          error={form.errors.interestFields}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <MultiSelect
            label={t('volunteer:fields.skills')}
            description={t('volunteer:profile.skillsHelp')}
            placeholder={form.values.skills.length ? undefined : t('volunteer:profile.skillsPlaceholder')}
            data={skillOptions}
            searchable
            clearable
            nothingFoundMessage={t('volunteer:profile.noSkillFound')}
            disabled={skills.isPending}
            {...form.getInputProps('skills')}
          />
          <MultiSelect
            label={t('volunteer:fields.languages')}
            data={LANGUAGES.map((code) => ({ value: code, label: languageName(code, f.locale) }))}
            searchable
            {...form.getInputProps('languages')}
          />
        </SimpleGrid>
        <Textarea
          label={t('volunteer:profile.skillsNoteLabel')}
          description={t('volunteer:profile.skillsNoteHelp')}
          autosize
          minRows={2}
          maxLength={1000}
          {...form.getInputProps('skillsNote')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('fields.prefecture')}
            description={t('volunteer:profile.prefectureHelp')}
            data={(prefectures.data ?? []).map((p) => ({ value: p.code, label: f.name(p) }))}
            searchable
            clearable
            {...form.getInputProps('prefecture')}
          />
          <TextInput
            label={t('volunteer:fields.region')}
            description={t('volunteer:profile.regionHelp')}
            maxLength={100}
            {...form.getInputProps('region')}
          />
        </SimpleGrid>
        <ChipGroup
          legend={t('volunteer:profile.availabilityLegend')}
          options={AVAILABILITY.map((code) => ({ value: code, label: t(`volunteer:availability.${code}`) }))}
          value={form.values.availability}
          onChange={(v) => form.setFieldValue('availability', v)}
          error={form.errors.availability}
        />
        <Switch
          label={t('volunteer:profile.onlineLabel')}
          description={t('volunteer:profile.onlineHelp')}
          {...form.getInputProps('onlineOk', { type: 'checkbox' })}
        />
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
          <Button type="submit" loading={save.isPending} disabled={!joining && !form.isDirty()}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
