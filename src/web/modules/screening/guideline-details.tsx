import {
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/client';
import { ConfirmButton } from '../../components/confirm-button';
import { FormError, notifyError, notifySuccess } from '../../components/feedback';
import { useFormat } from '../../i18n';
import { CriteriaEditor } from './criteria-editor';
import { type Guideline, useDeleteGuideline, usePublishGuideline, useUpdateGuideline } from './screening.api';
import { pick, STATUS_COLOR } from './screening-text';

/** A published (or retired) version as screeners read it: the policy and the checklist. */
export function GuidelineView({ guideline }: { guideline: Guideline }) {
  const { t } = useTranslation();
  const f = useFormat();
  const policy = pick(f.locale, guideline.policyJa, guideline.policyEn);
  return (
    <Stack>
      <Group gap="sm">
        <Badge color={STATUS_COLOR[guideline.status]} variant="light" c="dark.7">
          {t(`screening:guidelineStatus.${guideline.status}`)}
        </Badge>
        <Text size="sm" c="dimmed">
          {t('screening:guidelines.validity', { months: guideline.validityMonths })}
        </Text>
        {guideline.publishedAt && (
          <Text size="sm" c="dimmed">
            {t('screening:guidelines.publishedBy', {
              date: f.dateTime(guideline.publishedAt),
              name: guideline.publishedByName ?? '—',
            })}
          </Text>
        )}
      </Group>
      {policy && <Text style={{ whiteSpace: 'pre-wrap' }}>{policy}</Text>}
      <Table withTableBorder striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('screening:criteria.code')}</Table.Th>
            <Table.Th>{t('screening:criteria.text')}</Table.Th>
            <Table.Th>{t('screening:criteria.evidence')}</Table.Th>
            <Table.Th>{t('screening:criteria.required')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {guideline.criteria.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td ff="monospace">{c.code}</Table.Td>
              <Table.Td>{pick(f.locale, c.textJa, c.textEn)}</Table.Td>
              <Table.Td>{pick(f.locale, c.evidenceJa, c.evidenceEn) || '—'}</Table.Td>
              <Table.Td>
                {c.required ? t('screening:criteria.requiredYes') : t('screening:criteria.requiredNo')}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

type Values = {
  titleJa: string;
  titleEn: string;
  policyJa: string;
  policyEn: string;
  validityMonths: number;
};
const orNull = (v: string) => v.trim() || null;

/** A draft version: its texts, its checklist, publish and discard. */
export function GuidelineDraftEditor({
  guideline,
  onDiscarded,
}: {
  guideline: Guideline;
  onDiscarded: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateGuideline(guideline.id);
  const publish = usePublishGuideline(guideline.id);
  const discard = useDeleteGuideline(guideline.id);
  const form = useForm<Values>({
    initialValues: {
      titleJa: guideline.titleJa ?? '',
      titleEn: guideline.titleEn ?? '',
      policyJa: guideline.policyJa ?? '',
      policyEn: guideline.policyEn ?? '',
      validityMonths: guideline.validityMonths,
    },
  });
  const submit = form.onSubmit(async (v) => {
    try {
      await update.mutateAsync({
        titleJa: orNull(v.titleJa),
        titleEn: orNull(v.titleEn),
        policyJa: orNull(v.policyJa),
        policyEn: orNull(v.policyEn),
        validityMonths: Number(v.validityMonths),
      });
      notifySuccess(t('screening:guidelines.saved'));
    } catch (error) {
      form.setErrors(fieldErrors(error));
    }
  });
  return (
    <Stack gap="lg">
      <Paper withBorder p="md">
        <form onSubmit={submit} noValidate>
          <Stack>
            <FormError error={update.error} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('screening:guidelines.titleJa')} {...form.getInputProps('titleJa')} />
              <TextInput label={t('screening:guidelines.titleEn')} {...form.getInputProps('titleEn')} />
              <Textarea
                label={t('screening:guidelines.policyJa')}
                autosize
                minRows={3}
                {...form.getInputProps('policyJa')}
              />
              <Textarea
                label={t('screening:guidelines.policyEn')}
                autosize
                minRows={3}
                {...form.getInputProps('policyEn')}
              />
              <NumberInput
                label={t('screening:guidelines.validityMonths')}
                description={t('screening:guidelines.validityHelp')}
                min={1}
                max={120}
                {...form.getInputProps('validityMonths')}
              />
            </SimpleGrid>
            <Group justify="flex-end">
              <Button type="submit" loading={update.isPending}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('screening:criteria.title')}
        </Title>
        <CriteriaEditor key={guideline.id} guideline={guideline} />
      </Stack>
      <Group justify="flex-end">
        <ConfirmButton
          variant="default"
          color="red"
          label={t('screening:guidelines.discard')}
          title={t('screening:guidelines.discard')}
          message={t('screening:guidelines.discardConfirm', { version: guideline.version })}
          confirmLabel={t('screening:guidelines.discard')}
          loading={discard.isPending}
          onConfirm={() =>
            discard.mutateAsync().then(() => {
              notifySuccess(t('screening:guidelines.discarded'));
              onDiscarded();
            }, notifyError)
          }
        />
        <ConfirmButton
          variant="filled"
          color="teal.9"
          label={t('screening:guidelines.publish')}
          title={t('screening:guidelines.publish')}
          message={t('screening:guidelines.publishConfirm', { version: guideline.version })}
          confirmLabel={t('screening:guidelines.publish')}
          loading={publish.isPending}
          onConfirm={() =>
            publish.mutateAsync().then(() => notifySuccess(t('screening:guidelines.published')), notifyError)
          }
        />
      </Group>
    </Stack>
  );
}
