import { ActionIcon, Button, Group, NumberInput, Select, Stack, Table, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ScrollTable } from '../../components/data-table';
import { FormError, notifySuccess } from '../../components/feedback';
import {
  type IndicatorInput,
  QUESTION_KINDS,
  type QuestionInput,
  type QuestionKind,
  type SurveyDetail,
  useSetIndicators,
  useSetQuestions,
} from './surveys.api';

type Row = {
  code: string;
  kind: QuestionKind;
  textJa: string;
  textEn: string;
  scaleMin: number | string;
  scaleMax: number | string;
};
type IndicatorRow = {
  code: string;
  questionCode: string;
  labelJa: string;
  labelEn: string;
  threshold: number | string;
};

/** The message of a server field problem at `items.<i>.<field>` (or at `items` for the whole list). */
const problem = (error: unknown, path: string) =>
  error instanceof ApiError ? error.fields.find((f) => f.path === path)?.message : undefined;
const num = (v: number | string) => (v === '' ? null : Number(v));

/**
 * The survey's questions as an editable table: code (the CSV column), kind, texts in ja and en, and the
 * scale's range. A question with answers keeps its kind (the server says so under the field).
 */
export function QuestionsEditor({ survey, canManage }: { survey: SurveyDetail; canManage: boolean }) {
  const { t } = useTranslation();
  const save = useSetQuestions(survey.id);
  const [rows, setRows] = useState<Row[]>(
    survey.questionList.map((q) => ({
      code: q.code,
      kind: q.kind,
      textJa: q.textJa ?? '',
      textEn: q.textEn ?? '',
      scaleMin: q.scaleMin ?? '',
      scaleMax: q.scaleMax ?? '',
    })),
  );
  const set = (i: number, patch: Partial<Row>) =>
    setRows((r) => r.map((x, k) => (k === i ? { ...x, ...patch } : x)));
  const submit = () =>
    save.mutate(
      rows.map<QuestionInput>((r) => ({
        code: r.code.trim(),
        kind: r.kind,
        textJa: r.textJa.trim() || null,
        textEn: r.textEn.trim() || null,
        ...(r.kind === 'scale' ? { scaleMin: num(r.scaleMin), scaleMax: num(r.scaleMax) } : {}),
      })),
      { onSuccess: () => notifySuccess(t('sessions:surveys.questionsSaved')) },
    );
  const err = (i: number, f: string) => problem(save.error, `items.${i}.${f}`);
  return (
    <Stack>
      <FormError error={save.error} />
      <ScrollTable minWidth={900} label={t('sessions:surveys.questions')}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sessions:surveys.code')}</Table.Th>
              <Table.Th>{t('sessions:surveys.kind')}</Table.Th>
              <Table.Th>{t('sessions:surveys.textJa')}</Table.Th>
              <Table.Th>{t('sessions:surveys.textEn')}</Table.Th>
              <Table.Th>{t('sessions:surveys.scale')}</Table.Th>
              <Table.Th>{t('sessions:surveys.answers')}</Table.Th>
              {canManage && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, their codes change
              <Table.Tr key={i}>
                <Table.Td>
                  <TextInput
                    aria-label={t('sessions:surveys.code')}
                    value={r.code}
                    readOnly={!canManage}
                    error={err(i, 'code')}
                    onChange={(e) => set(i, { code: e.currentTarget.value })}
                    w={140}
                  />
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={t('sessions:surveys.kind')}
                    value={r.kind}
                    disabled={!canManage}
                    allowDeselect={false}
                    error={err(i, 'kind')}
                    w={130}
                    data={QUESTION_KINDS.map((k) => ({ value: k, label: t(`sessions:questionKind.${k}`) }))}
                    onChange={(v) => set(i, { kind: v as QuestionKind })}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={t('sessions:surveys.textJa')}
                    value={r.textJa}
                    readOnly={!canManage}
                    error={err(i, 'textJa')}
                    onChange={(e) => set(i, { textJa: e.currentTarget.value })}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={t('sessions:surveys.textEn')}
                    value={r.textEn}
                    readOnly={!canManage}
                    onChange={(e) => set(i, { textEn: e.currentTarget.value })}
                  />
                </Table.Td>
                <Table.Td>
                  {r.kind === 'scale' && (
                    <Group gap={4} wrap="nowrap">
                      <NumberInput
                        aria-label={t('sessions:surveys.scaleMin')}
                        value={r.scaleMin}
                        readOnly={!canManage}
                        w={70}
                        allowDecimal={false}
                        error={err(i, 'scaleMin')}
                        onChange={(v) => set(i, { scaleMin: v })}
                      />
                      <NumberInput
                        aria-label={t('sessions:surveys.scaleMax')}
                        value={r.scaleMax}
                        readOnly={!canManage}
                        w={70}
                        allowDecimal={false}
                        error={err(i, 'scaleMax')}
                        onChange={(v) => set(i, { scaleMax: v })}
                      />
                    </Group>
                  )}
                </Table.Td>
                <Table.Td>{survey.questionList.find((q) => q.code === r.code)?.answers ?? 0}</Table.Td>
                {canManage && (
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('sessions:surveys.removeQuestion', { code: r.code })}
                      onClick={() => setRows((x) => x.filter((_, k) => k !== i))}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      {canManage && (
        <Group justify="space-between">
          <Button
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() =>
              setRows((r) => [
                ...r,
                { code: `q${r.length + 1}`, kind: 'scale', textJa: '', textEn: '', scaleMin: 1, scaleMax: 4 },
              ])
            }
          >
            {t('sessions:surveys.addQuestion')}
          </Button>
          <Button onClick={submit} loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** The survey's indicators: the share answering a question at or above a threshold (yes for yes/no). */
export function IndicatorsEditor({ survey, canManage }: { survey: SurveyDetail; canManage: boolean }) {
  const { t } = useTranslation();
  const save = useSetIndicators(survey.id);
  const [rows, setRows] = useState<IndicatorRow[]>(
    survey.indicators.map((i) => ({
      code: i.code,
      questionCode: i.questionCode,
      labelJa: i.labelJa ?? '',
      labelEn: i.labelEn ?? '',
      threshold: i.threshold,
    })),
  );
  const set = (i: number, patch: Partial<IndicatorRow>) =>
    setRows((r) => r.map((x, k) => (k === i ? { ...x, ...patch } : x)));
  const countable = survey.questionList.filter((q) => q.kind !== 'text');
  const submit = () =>
    save.mutate(
      rows.map<IndicatorInput>((r) => ({
        code: r.code.trim(),
        questionCode: r.questionCode,
        labelJa: r.labelJa.trim() || null,
        labelEn: r.labelEn.trim() || null,
        ...(r.threshold === '' ? {} : { threshold: Number(r.threshold) }),
      })),
      { onSuccess: () => notifySuccess(t('sessions:surveys.indicatorsSaved')) },
    );
  const err = (i: number, f: string) => problem(save.error, `items.${i}.${f}`);
  return (
    <Stack>
      <FormError error={save.error} />
      <ScrollTable minWidth={860} label={t('sessions:surveys.indicators')}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sessions:surveys.code')}</Table.Th>
              <Table.Th>{t('sessions:surveys.question')}</Table.Th>
              <Table.Th>{t('sessions:surveys.labelJa')}</Table.Th>
              <Table.Th>{t('sessions:surveys.labelEn')}</Table.Th>
              <Table.Th>{t('sessions:surveys.threshold')}</Table.Th>
              {canManage && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, their codes change
              <Table.Tr key={i}>
                <Table.Td>
                  <TextInput
                    aria-label={t('sessions:surveys.code')}
                    value={r.code}
                    readOnly={!canManage}
                    error={err(i, 'code')}
                    w={140}
                    onChange={(e) => set(i, { code: e.currentTarget.value })}
                  />
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={t('sessions:surveys.question')}
                    value={r.questionCode || null}
                    disabled={!canManage}
                    error={err(i, 'questionCode')}
                    w={180}
                    data={countable.map((q) => ({ value: q.code, label: `${q.code}: ${q.text}` }))}
                    onChange={(v) => set(i, { questionCode: v ?? '' })}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={t('sessions:surveys.labelJa')}
                    value={r.labelJa}
                    readOnly={!canManage}
                    error={err(i, 'labelJa')}
                    onChange={(e) => set(i, { labelJa: e.currentTarget.value })}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={t('sessions:surveys.labelEn')}
                    value={r.labelEn}
                    readOnly={!canManage}
                    onChange={(e) => set(i, { labelEn: e.currentTarget.value })}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={t('sessions:surveys.threshold')}
                    description={t('sessions:surveys.thresholdHelp')}
                    value={r.threshold}
                    readOnly={!canManage}
                    w={110}
                    allowDecimal={false}
                    error={err(i, 'threshold')}
                    onChange={(v) => set(i, { threshold: v })}
                  />
                </Table.Td>
                {canManage && (
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('sessions:surveys.removeIndicator', { code: r.code })}
                      onClick={() => setRows((x) => x.filter((_, k) => k !== i))}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      {canManage && (
        <Group justify="space-between">
          <Button
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden />}
            disabled={!countable.length}
            onClick={() =>
              setRows((r) => [
                ...r,
                {
                  code: `i${r.length + 1}`,
                  questionCode: countable[0]?.code ?? '',
                  labelJa: '',
                  labelEn: '',
                  threshold: '',
                },
              ])
            }
          >
            {t('sessions:surveys.addIndicator')}
          </Button>
          <Button onClick={submit} loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
