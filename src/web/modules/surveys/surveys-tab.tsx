import {
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconFileImport, IconPencil, IconPlus } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/client';
import { useCan } from '../../api/session';
import { Empty } from '../../components/data-table';
import { notifySuccess, QueryState } from '../../components/feedback';
import { FormModal } from '../../components/form-modal';
import { CsvImportModal } from '../program-sessions/csv-import-modal';
import { IndicatorsEditor, QuestionsEditor } from './survey-editors';
import { SurveyResultsView } from './survey-results';
import { type Survey, useRefreshSurveys, useSaveSurvey, useSurvey, useSurveys } from './surveys.api';

type View = 'results' | 'questions' | 'indicators';

/** A survey's code, titles, fiscal year and status. */
function SurveyForm({
  programId,
  survey,
  onClose,
}: {
  programId: string;
  survey: Survey | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveSurvey(programId);
  const form = useForm({
    initialValues: {
      code: survey?.code ?? '',
      titleJa: survey?.titleJa ?? '',
      titleEn: survey?.titleEn ?? '',
      fiscalYear: (survey?.fiscalYear ?? '') as number | string,
      status: survey?.status ?? 'open',
    },
  });
  const submit = form.onSubmit((v) =>
    save.mutate(
      {
        id: survey?.id,
        body: {
          code: v.code.trim(),
          titleJa: v.titleJa.trim() || null,
          titleEn: v.titleEn.trim() || null,
          ...(v.fiscalYear === '' ? {} : { fiscalYear: Number(v.fiscalYear) }),
          status: v.status as 'open' | 'closed',
        },
      },
      {
        onSuccess: () => {
          notifySuccess(t('sessions:surveys.saved'));
          onClose();
        },
        onError: (e) => form.setErrors(fieldErrors(e)),
      },
    ),
  );
  return (
    <FormModal
      title={t(survey ? 'sessions:surveys.edit' : 'sessions:surveys.new')}
      onClose={onClose}
      onSubmit={submit}
      error={save.error}
      saving={save.isPending}
    >
      <TextInput
        label={t('sessions:surveys.code')}
        description={t('sessions:surveys.codeHelp')}
        required
        {...form.getInputProps('code')}
      />
      <NumberInput
        label={t('sessions:surveys.fiscalYear')}
        description={t('sessions:surveys.fiscalYearHelp')}
        allowDecimal={false}
        min={1900}
        max={2200}
        {...form.getInputProps('fiscalYear')}
      />
      <TextInput label={t('sessions:surveys.titleJa')} {...form.getInputProps('titleJa')} />
      <TextInput label={t('sessions:surveys.titleEn')} {...form.getInputProps('titleEn')} />
      <Select
        label={t('sessions:surveys.status')}
        allowDeselect={false}
        data={(['open', 'closed'] as const).map((s) => ({
          value: s,
          label: t(`sessions:surveyStatus.${s}`),
        }))}
        {...form.getInputProps('status')}
      />
    </FormModal>
  );
}

/**
 * The program's surveys tab: pick a survey, read its results (indicators and distributions), edit
 * its questions and indicators, and import responses from CSV with the validation report.
 */
export function SurveysTab({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const canManage = useCan()('programs.manage');
  const list = useSurveys(programId);
  const refresh = useRefreshSurveys();
  const [surveyId, setSurveyId] = useState<string | null>(null);
  const [view, setView] = useState<View>('results');
  const [dialog, setDialog] = useState<'new' | 'edit' | 'import' | null>(null);
  const items = list.data?.items ?? [];
  useEffect(() => {
    if (!surveyId && items.length) setSurveyId(items[0].id);
  }, [surveyId, items]);
  const current = items.find((s) => s.id === surveyId) ?? null;
  const detail = useSurvey(surveyId);
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="md" align="flex-end" wrap="wrap">
        <Group align="flex-end" wrap="wrap">
          {items.length > 0 && (
            <Select
              label={t('sessions:surveys.survey')}
              w={340}
              allowDeselect={false}
              data={items.map((s) => ({ value: s.id, label: `${s.fiscalYearLabel} ${s.title}` }))}
              value={surveyId}
              onChange={setSurveyId}
            />
          )}
          {current && (
            <Group gap="xs">
              <Badge variant="light" c="dark.7">
                {t(`sessions:surveyStatus.${current.status}`)}
              </Badge>
              <Text size="sm">
                {t('sessions:results.responses', { count: current.responses, n: current.responses })}
              </Text>
            </Group>
          )}
        </Group>
        {canManage && (
          <Group gap="xs">
            {current && (
              <>
                <Button
                  variant="default"
                  leftSection={<IconPencil size={16} aria-hidden />}
                  onClick={() => setDialog('edit')}
                >
                  {t('sessions:surveys.edit')}
                </Button>
                <Button
                  variant="default"
                  leftSection={<IconFileImport size={16} aria-hidden />}
                  onClick={() => setDialog('import')}
                >
                  {t('sessions:surveys.import')}
                </Button>
              </>
            )}
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setDialog('new')}>
              {t('sessions:surveys.new')}
            </Button>
          </Group>
        )}
      </Group>
      <QueryState
        query={list}
        isEmpty={(d) => d.items.length === 0}
        empty={<Empty title={t('sessions:surveys.none')} description={t('sessions:surveys.noneHelp')} />}
      >
        {() => (
          <Stack>
            <SegmentedControl
              aria-label={t('sessions:surveys.view')}
              value={view}
              onChange={(v) => setView(v as View)}
              data={(['results', 'questions', 'indicators'] as const).map((v) => ({
                value: v,
                label: t(`sessions:surveys.views.${v}`),
              }))}
              w="fit-content"
            />
            {surveyId && view === 'results' && <SurveyResultsView surveyId={surveyId} />}
            {view !== 'results' && (
              <QueryState query={detail}>
                {(d) =>
                  view === 'questions' ? (
                    <QuestionsEditor key={`${d.id}-q`} survey={d} canManage={canManage} />
                  ) : (
                    <IndicatorsEditor
                      key={`${d.id}-i-${d.questionList.length}`}
                      survey={d}
                      canManage={canManage}
                    />
                  )
                }
              </QueryState>
            )}
          </Stack>
        )}
      </QueryState>
      {(dialog === 'new' || dialog === 'edit') && (
        <SurveyForm
          programId={programId}
          survey={dialog === 'edit' ? current : null}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'import' && current && (
        <CsvImportModal
          title={t('sessions:import.responsesTitle', { survey: current.title })}
          help={t('sessions:import.responsesHelp', {
            codes: (detail.data?.questionList ?? []).map((q) => q.code).join(', '),
          })}
          url={`/api/programs/${programId}/imports/survey-responses?survey=${encodeURIComponent(current.code)}`}
          onClose={() => setDialog(null)}
          onImported={refresh}
        />
      )}
    </Paper>
  );
}
