import {
  Alert,
  Box,
  Button,
  Center,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCircleCheck } from '@tabler/icons-react';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/client';
import { FormError, QueryState } from '../../components/feedback';
import { LanguageSwitch } from '../../components/header-controls';
import { currentLocale } from '../../i18n';
import {
  AUDIENCES,
  type ClassOffer,
  REQUESTER_KINDS,
  useClassOffer,
  useSubmitClassRequest,
} from './certifications.api';
import classes from './request-class-page.module.css';

const nameIn = (locale: 'ja' | 'en', r: { nameJa: string | null; nameEn: string | null }) =>
  (locale === 'ja' ? (r.nameJa ?? r.nameEn) : (r.nameEn ?? r.nameJa)) ?? '';

/**
 * The public page where a school or municipality asks for a class (e-Net Caravan): no sign-in, in
 * Japanese or English. The answer is a reference; a confirmation e-mail follows in the same language.
 */
export function RequestClassPage() {
  const { t } = useTranslation();
  const { orgCode } = useParams({ strict: false }) as { orgCode: string };
  const offer = useClassOffer(orgCode);
  return (
    <div className={classes.page}>
      <header className={classes.top}>
        <Text fw={800} fz="lg" c="indigo.9">
          {offer.data ? nameIn(currentLocale(), offer.data.organisation) : t('app.name')}
        </Text>
        <LanguageSwitch size="sm" />
      </header>
      <Center component="main" className={classes.main}>
        <Paper withBorder shadow="sm" p="xl" radius="md" w={760} maw="100%">
          <QueryState query={offer}>{(data) => <RequestForm offer={data} orgCode={orgCode} />}</QueryState>
        </Paper>
      </Center>
    </div>
  );
}

function RequestForm({ offer, orgCode }: { offer: ClassOffer; orgCode: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'ja';
  const submit = useSubmitClassRequest();
  const [reference, setReference] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      programCode: offer.programs[0]?.code ?? '',
      requesterKind: 'school',
      requesterOrganisation: '',
      contactName: '',
      contactEmail: '',
      contactPhone: '',
      preferredOn: '',
      alternativeOn: '',
      place: '',
      audience: 'students',
      expectedParticipants: 30 as number | string,
      message: '',
      website: '',
    },
    validate: {
      requesterOrganisation: (v) => (v.trim() ? null : t('certifications:public.required')),
      contactName: (v) => (v.trim() ? null : t('certifications:public.required')),
      contactEmail: (v) => (/^\S+@\S+$/.test(v.trim()) ? null : t('certifications:public.emailInvalid')),
      preferredOn: (v) => (v ? null : t('certifications:public.required')),
      place: (v) => (v.trim() ? null : t('certifications:public.required')),
    },
  });
  if (!offer.programs.length)
    return <Alert color="yellow">{t('certifications:public.nothingOffered')}</Alert>;
  if (reference)
    return (
      <Stack align="center" ta="center" role="status">
        <IconCircleCheck size={48} color="var(--mantine-color-teal-7)" aria-hidden />
        <Title order={1} size="h2">
          {t('certifications:public.sentTitle')}
        </Title>
        <Text>{t('certifications:public.sentBody', { email: form.values.contactEmail })}</Text>
        <Text fw={700} fz="xl" ff="monospace" data-testid="class-request-reference">
          {t('certifications:public.reference', { reference })}
        </Text>
        <Button
          variant="default"
          onClick={() => {
            form.reset();
            setReference(null);
          }}
        >
          {t('certifications:public.another')}
        </Button>
      </Stack>
    );
  const onSubmit = form.onSubmit((v) =>
    submit.mutate(
      {
        orgCode,
        programCode: v.programCode || undefined,
        requesterKind: v.requesterKind as 'school',
        requesterOrganisation: v.requesterOrganisation.trim(),
        contactName: v.contactName.trim(),
        contactEmail: v.contactEmail.trim(),
        contactPhone: v.contactPhone.trim() || undefined,
        locale,
        preferredOn: v.preferredOn,
        alternativeOn: v.alternativeOn || undefined,
        place: v.place.trim(),
        audience: v.audience as 'students',
        expectedParticipants: Number(v.expectedParticipants),
        message: v.message.trim() || undefined,
        website: v.website || undefined,
      },
      { onSuccess: (r) => setReference(r.reference), onError: (e) => form.setErrors(fieldErrors(e)) },
    ),
  );
  const program = offer.programs.find((p) => p.code === form.values.programCode);
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <div>
          <Title order={1} size="h2">
            {t('certifications:public.title')}
          </Title>
          <Text size="sm" c="dimmed" mt={4}>
            {t('certifications:public.subtitle', { organisation: nameIn(locale, offer.organisation) })}
          </Text>
        </div>
        <FormError error={submit.error} />
        <Select
          label={t('certifications:public.program')}
          data={offer.programs.map((p) => ({ value: p.code, label: nameIn(locale, p) }))}
          allowDeselect={false}
          {...form.getInputProps('programCode')}
        />
        {program && (
          <Text size="sm" c="dimmed">
            {locale === 'ja'
              ? (program.descriptionJa ?? program.descriptionEn)
              : (program.descriptionEn ?? program.descriptionJa)}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('certifications:public.requesterKind')}
            data={REQUESTER_KINDS.map((k) => ({ value: k, label: t(`certifications:requesterKind.${k}`) }))}
            allowDeselect={false}
            {...form.getInputProps('requesterKind')}
          />
          <TextInput
            label={t('certifications:public.requesterOrganisation')}
            required
            {...form.getInputProps('requesterOrganisation')}
          />
          <TextInput
            label={t('certifications:public.contactName')}
            required
            autoComplete="name"
            {...form.getInputProps('contactName')}
          />
          <TextInput
            label={t('certifications:public.contactEmail')}
            type="email"
            required
            autoComplete="email"
            {...form.getInputProps('contactEmail')}
          />
          <TextInput
            label={t('certifications:public.contactPhone')}
            type="tel"
            autoComplete="tel"
            {...form.getInputProps('contactPhone')}
          />
          <TextInput label={t('certifications:public.place')} required {...form.getInputProps('place')} />
          <TextInput
            label={t('certifications:public.preferredOn')}
            type="date"
            required
            {...form.getInputProps('preferredOn')}
          />
          <TextInput
            label={t('certifications:public.alternativeOn')}
            type="date"
            {...form.getInputProps('alternativeOn')}
          />
          <Select
            label={t('certifications:public.audience')}
            data={AUDIENCES.map((a) => ({ value: a, label: t(`certifications:audience.${a}`) }))}
            allowDeselect={false}
            {...form.getInputProps('audience')}
          />
          <NumberInput
            label={t('certifications:public.expectedParticipants')}
            min={1}
            max={100000}
            allowDecimal={false}
            required
            {...form.getInputProps('expectedParticipants')}
          />
        </SimpleGrid>
        <Textarea
          label={t('certifications:public.message')}
          autosize
          minRows={3}
          {...form.getInputProps('message')}
        />
        {/* A honeypot: hidden from people (and screen readers), filled in by form-filling robots. */}
        <Box className={classes.trap} aria-hidden>
          <TextInput label="Website" tabIndex={-1} autoComplete="off" {...form.getInputProps('website')} />
        </Box>
        <Text size="xs" c="dimmed">
          {t('certifications:public.privacy')}
        </Text>
        <Button type="submit" loading={submit.isPending}>
          {t('certifications:public.submit')}
        </Button>
      </Stack>
    </form>
  );
}
