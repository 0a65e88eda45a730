import {
  Anchor,
  Badge,
  Button,
  FileButton,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { IconCheck, IconPaperclip } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/client';
import { useMe } from '../../api/session';
import { notifyError } from '../../components/feedback';
import { useFormat } from '../../i18n';
import { fileUrl, type ScreeningItem, uploadEvidence, useAnswer } from './screening.api';
import { pick } from './screening-text';

type Value = 'yes' | 'no' | 'na';

/** One criterion of a screening: its question and required evidence, the answer, and (if editable) the form. */
export function AnswerEditor({
  screeningId,
  item,
  n,
  editable,
  problem,
}: {
  screeningId: string;
  item: ScreeningItem;
  n: number;
  editable: boolean;
  /** The server's reason this criterion stops the screening from passing. */
  problem?: string;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const me = useMe();
  const save = useAnswer(screeningId);
  const c = item.criterion;
  const [answer, setAnswer] = useState<Value | ''>(item.answer?.answer ?? '');
  const [evidence, setEvidence] = useState(item.answer?.evidence ?? '');
  const [comment, setComment] = useState(item.answer?.comment ?? '');
  const [file, setFile] = useState(item.answer?.file ?? null);
  const [uploading, setUploading] = useState(false);
  const errors = fieldErrors(save.error);
  const headingId = `criterion-${c.id}`;
  const dirty =
    answer !== (item.answer?.answer ?? '') ||
    evidence !== (item.answer?.evidence ?? '') ||
    comment !== (item.answer?.comment ?? '') ||
    (file?.id ?? null) !== (item.answer?.file?.id ?? null);
  const upload = async (picked: File | null) => {
    if (!picked) return;
    setUploading(true);
    try {
      const stored = await uploadEvidence(picked, me.csrfToken ?? null);
      setFile({ id: stored.id, name: stored.name, contentType: picked.type });
    } catch (error) {
      notifyError(error);
    } finally {
      setUploading(false);
    }
  };
  const submit = () => {
    if (!answer) return;
    save.mutate(
      {
        criterionId: c.id,
        body: {
          answer,
          evidence: evidence.trim() || null,
          comment: comment.trim() || null,
          fileId: file?.id ?? null,
        },
      },
      { onError: notifyError },
    );
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2}>
          <Text fw={700} id={headingId}>
            {n}. {pick(f.locale, c.textJa, c.textEn)}
          </Text>
          <Text size="sm" c="dimmed">
            {t('screening:answer.evidenceNeeded', {
              evidence: pick(f.locale, c.evidenceJa, c.evidenceEn) || '—',
            })}
          </Text>
        </Stack>
        <Group gap={4} wrap="nowrap">
          <Badge variant="outline" color="gray.8">
            {c.required ? t('screening:criteria.requiredYes') : t('screening:criteria.requiredNo')}
          </Badge>
          {item.met && (
            <Badge color="teal" variant="light" c="dark.7" leftSection={<IconCheck size={12} aria-hidden />}>
              {t('screening:answer.met')}
            </Badge>
          )}
        </Group>
      </Group>
      {problem && (
        <Text c="red.8" size="sm" mt="xs" role="alert">
          {problem}
        </Text>
      )}
      {editable ? (
        <Stack gap="xs" mt="sm">
          <SegmentedControl
            aria-label={t('screening:answer.label', { n })}
            value={answer}
            onChange={(v) => setAnswer(v as Value)}
            data={(['yes', 'no', 'na'] as const).map((v) => ({
              value: v,
              label: t(`screening:answerValue.${v}`),
            }))}
            w="fit-content"
          />
          <Textarea
            label={t('screening:answer.evidence')}
            description={t('screening:answer.evidenceHelp')}
            value={evidence}
            onChange={(e) => setEvidence(e.currentTarget.value)}
            error={errors.evidence}
            autosize
            minRows={2}
          />
          <Group gap="sm">
            <FileButton onChange={upload} accept="application/pdf,image/png,image/jpeg,image/webp,image/heic">
              {(props) => (
                <Button
                  {...props}
                  variant="default"
                  size="xs"
                  loading={uploading}
                  leftSection={<IconPaperclip size={14} aria-hidden />}
                >
                  {t('screening:answer.attach')}
                </Button>
              )}
            </FileButton>
            {file && (
              <>
                <Anchor href={fileUrl(file.id)} target="_blank" rel="noreferrer" size="sm">
                  {file.name}
                </Anchor>
                <Button variant="subtle" size="xs" color="red" onClick={() => setFile(null)}>
                  {t('screening:answer.removeFile')}
                </Button>
              </>
            )}
          </Group>
          {errors.fileId && (
            <Text c="red.8" size="sm">
              {errors.fileId}
            </Text>
          )}
          <Textarea
            label={t('screening:answer.comment')}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            autosize
            minRows={1}
          />
          <Group justify="flex-end">
            <Button size="xs" onClick={submit} disabled={!answer || !dirty} loading={save.isPending}>
              {t('screening:answer.save', { n })}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap={4} mt="sm">
          <Text size="sm">
            {t('screening:answer.given')}:{' '}
            <strong>
              {item.answer ? t(`screening:answerValue.${item.answer.answer}`) : t('screening:answer.none')}
            </strong>
          </Text>
          {item.answer?.evidence && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {item.answer.evidence}
            </Text>
          )}
          {item.answer?.file && (
            <Anchor href={fileUrl(item.answer.file.id)} target="_blank" rel="noreferrer" size="sm">
              {item.answer.file.name}
            </Anchor>
          )}
          {item.answer?.comment && (
            <Text size="sm" c="dimmed">
              {item.answer.comment}
            </Text>
          )}
        </Stack>
      )}
    </Paper>
  );
}
