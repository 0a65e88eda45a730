import {
  ActionIcon,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/client';
import { FormError, notifySuccess } from '../../components/feedback';
import { type CriterionInput, type Guideline, useReplaceCriteria } from './screening.api';

type Row = {
  key: number;
  code: string;
  textJa: string;
  textEn: string;
  evidenceJa: string;
  evidenceEn: string;
  required: boolean;
};

let nextKey = 1;
const rowOf = (c?: Guideline['criteria'][number]): Row => ({
  key: nextKey++,
  code: c?.code ?? '',
  textJa: c?.textJa ?? '',
  textEn: c?.textEn ?? '',
  evidenceJa: c?.evidenceJa ?? '',
  evidenceEn: c?.evidenceEn ?? '',
  required: c?.required ?? true,
});
const orNull = (v: string) => v.trim() || null;

/** The checklist of a draft guideline: criteria with their evidence, in order; saved as a whole. */
export function CriteriaEditor({ guideline }: { guideline: Guideline }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<Row[]>(() => guideline.criteria.map(rowOf));
  const save = useReplaceCriteria(guideline.id);
  const errors = fieldErrors(save.error);
  const set = (i: number, patch: Partial<Row>) =>
    setRows((r) => r.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  const move = (i: number, by: number) =>
    setRows((r) => {
      const next = [...r];
      const [row] = next.splice(i, 1);
      next.splice(i + by, 0, row);
      return next;
    });
  const submit = async () => {
    const items: CriterionInput[] = rows.map((r) => ({
      code: r.code.trim(),
      textJa: orNull(r.textJa),
      textEn: orNull(r.textEn),
      evidenceJa: orNull(r.evidenceJa),
      evidenceEn: orNull(r.evidenceEn),
      required: r.required,
    }));
    const saved = await save.mutateAsync(items).catch(() => null);
    if (saved) {
      setRows(saved.criteria.map(rowOf));
      notifySuccess(t('screening:criteria.saved'));
    }
  };
  return (
    <Stack gap="sm">
      <FormError error={save.error} />
      {rows.length === 0 && <Text c="dimmed">{t('screening:criteria.empty')}</Text>}
      {rows.map((r, i) => {
        const n = i + 1;
        const err = (field: string) => errors[`items.${i}.${field}`];
        return (
          <Paper
            key={r.key}
            withBorder
            p="sm"
            component="fieldset"
            aria-label={t('screening:criteria.number', { n })}
          >
            <Group justify="space-between" mb="xs">
              <Text fw={700}>{t('screening:criteria.number', { n })}</Text>
              <Group gap={4}>
                <ActionIcon
                  variant="subtle"
                  aria-label={t('screening:criteria.up', { n })}
                  disabled={i === 0}
                  onClick={() => move(i, -1)}
                >
                  <IconArrowUp size={16} aria-hidden />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  aria-label={t('screening:criteria.down', { n })}
                  disabled={i === rows.length - 1}
                  onClick={() => move(i, 1)}
                >
                  <IconArrowDown size={16} aria-hidden />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('screening:criteria.remove', { n })}
                  onClick={() => setRows((all) => all.filter((_, j) => j !== i))}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('screening:criteria.code')}
                value={r.code}
                onChange={(e) => set(i, { code: e.currentTarget.value })}
                error={err('code')}
                required
              />
              <Switch
                label={t('screening:criteria.required')}
                checked={r.required}
                onChange={(e) => set(i, { required: e.currentTarget.checked })}
                mt="xl"
              />
              <Textarea
                label={t('screening:criteria.textJa')}
                value={r.textJa}
                onChange={(e) => set(i, { textJa: e.currentTarget.value })}
                error={err('textJa')}
                autosize
                minRows={1}
              />
              <Textarea
                label={t('screening:criteria.textEn')}
                value={r.textEn}
                onChange={(e) => set(i, { textEn: e.currentTarget.value })}
                autosize
                minRows={1}
              />
              <TextInput
                label={t('screening:criteria.evidenceJa')}
                value={r.evidenceJa}
                onChange={(e) => set(i, { evidenceJa: e.currentTarget.value })}
              />
              <TextInput
                label={t('screening:criteria.evidenceEn')}
                value={r.evidenceEn}
                onChange={(e) => set(i, { evidenceEn: e.currentTarget.value })}
              />
            </SimpleGrid>
          </Paper>
        );
      })}
      <Group justify="space-between">
        <Button
          variant="default"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => setRows((r) => [...r, rowOf()])}
        >
          {t('screening:criteria.add')}
        </Button>
        <Button onClick={submit} loading={save.isPending}>
          {t('screening:criteria.save')}
        </Button>
      </Group>
    </Stack>
  );
}
