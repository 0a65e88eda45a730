import {
  Badge,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconDeviceFloppy, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/client';
import type { Locale } from '../../api/types';
import { ConfirmButton } from '../../components/confirm-button';
import { FormError, notifyError, notifySuccess } from '../../components/feedback';
import {
  type BlockInput,
  type ReportBlock,
  type ReportSection,
  useDeleteBlock,
  useMoveBlock,
  useSaveBlock,
} from './reports.api';

/** A block's two moves in its section, as the buttons show them. */
const MOVES = [
  { direction: 'up', Icon: IconArrowUp, label: 'reports:block.up', aria: 'reports:block.moveUp' },
  { direction: 'down', Icon: IconArrowDown, label: 'reports:block.down', aria: 'reports:block.moveDown' },
] as const;

type Values = { programId: string | null; titleJa: string; titleEn: string; bodyJa: string; bodyEn: string };

const valuesOf = (b?: ReportBlock): Values => ({
  programId: b?.programId ?? null,
  titleJa: b?.titleJa ?? '',
  titleEn: b?.titleEn ?? '',
  bodyJa: b?.bodyJa ?? '',
  bodyEn: b?.bodyEn ?? '',
});

/** The inputs that show a field error of their own; any other refusal shows above the buttons. */
const INPUTS = ['programId', 'titleJa', 'titleEn', 'bodyJa', 'bodyEn'];

const blank = (s: string) => (s.trim() === '' ? null : s.trim());
const has = (v: Values, lang: Locale) =>
  lang === 'ja' ? !!(v.titleJa || v.bodyJa) : !!(v.titleEn || v.bodyEn);

/**
 * One block: the Japanese text on the left, the English on the right, saved together. A new block (no
 * `block`) is created on save; `onDone` closes it.
 */
export function BlockForm({
  fy,
  block,
  section,
  index,
  count = index,
  position,
  canManage,
  programOptions,
  onDone,
}: {
  fy: number;
  block?: ReportBlock;
  section: ReportSection;
  index: number;
  /** How many saved blocks the section has: the last one cannot move down. */
  count?: number;
  position?: number;
  canManage: boolean;
  programOptions: { value: string; label: string }[];
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveBlock(fy);
  const remove = useDeleteBlock(fy);
  const move = useMoveBlock(fy);
  const [values, setValues] = useState<Values>(() => valuesOf(block));
  const saved = valuesOf(block);
  const dirty = JSON.stringify(values) !== JSON.stringify(saved);
  const errors = fieldErrors(save.error);
  const name = t('reports:block.name', { index, section: t(`reports:section.${section}`) });
  const set = (key: keyof Values) => (value: string | null) =>
    setValues((v) => ({ ...v, [key]: value ?? '' }));
  const submit = () => {
    const body: BlockInput = {
      ...(block ? {} : { section, position }),
      programId: section === 'programs' ? values.programId || null : null,
      titleJa: blank(values.titleJa),
      titleEn: blank(values.titleEn),
      bodyJa: blank(values.bodyJa),
      bodyEn: blank(values.bodyEn),
    };
    save.mutate(
      { id: block?.id, body },
      {
        onSuccess: () => {
          notifySuccess(t('reports:block.saved', { name }));
          onDone?.();
        },
      },
    );
  };
  const column = (lang: Locale) => {
    const L = lang === 'ja' ? 'Ja' : 'En';
    const other: Locale = lang === 'ja' ? 'en' : 'ja';
    const langName = t(`reports:lang.${lang}`);
    return (
      <Stack gap="xs">
        <Group gap="xs">
          <Text size="sm" fw={700}>
            {langName}
          </Text>
          {!has(values, lang) && has(values, other) && (
            <Badge color="orange" variant="light" c="dark.7">
              {t('reports:missing.lacks', { lang: langName })}
            </Badge>
          )}
        </Group>
        <TextInput
          label={t('reports:block.title', { lang: langName })}
          value={values[`title${L}`]}
          onChange={(e) => set(`title${L}`)(e.currentTarget.value)}
          error={errors[`title${L}`]}
          readOnly={!canManage}
          lang={lang}
          maxLength={300}
        />
        <Textarea
          label={t('reports:block.body', { lang: langName })}
          value={values[`body${L}`]}
          onChange={(e) => set(`body${L}`)(e.currentTarget.value)}
          error={errors[`body${L}`]}
          readOnly={!canManage}
          lang={lang}
          autosize
          minRows={3}
          maxRows={14}
        />
      </Stack>
    );
  };
  return (
    <Paper
      withBorder
      p="sm"
      bg="gray.0"
      id={block ? `block-${block.id}` : undefined}
      role="group"
      aria-label={name}
    >
      {section === 'programs' && (
        <Select
          label={t('reports:block.program')}
          description={t('reports:block.programHelp')}
          data={programOptions}
          value={values.programId}
          onChange={set('programId')}
          error={errors.programId}
          searchable
          clearable
          readOnly={!canManage}
          mb="sm"
          maw={480}
        />
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        {column('ja')}
        {column('en')}
      </SimpleGrid>
      <FormError error={save.error && !INPUTS.some((k) => errors[k]) ? save.error : null} />
      {canManage && (
        <Group justify="flex-end" mt="sm" gap="xs">
          {block &&
            count > 1 &&
            MOVES.map(({ direction, Icon, label, aria }) => (
              <Button
                key={direction}
                variant="subtle"
                size="xs"
                leftSection={<Icon size={14} aria-hidden />}
                disabled={(direction === 'up' ? index === 1 : index === count) || move.isPending}
                onClick={() => move.mutate({ id: block.id, direction }, { onError: notifyError })}
                aria-label={t(aria, { name })}
              >
                {t(label)}
              </Button>
            ))}
          {block ? (
            <ConfirmButton
              label={t('reports:block.delete', { name })}
              title={t('reports:block.delete', { name })}
              message={t('reports:block.confirmDelete')}
              confirmLabel={t('common.delete')}
              icon={<IconTrash size={16} aria-hidden />}
              loading={remove.isPending}
              onConfirm={() =>
                remove
                  .mutateAsync(block.id)
                  .then(() => notifySuccess(t('reports:block.deleted', { name })), notifyError)
              }
            />
          ) : (
            <Button variant="default" size="xs" onClick={onDone}>
              {t('common.cancel')}
            </Button>
          )}
          {block && dirty && (
            <Button variant="default" size="xs" onClick={() => setValues(saved)}>
              {t('common.reset')}
            </Button>
          )}
          <Button
            size="xs"
            leftSection={<IconDeviceFloppy size={14} aria-hidden />}
            disabled={!dirty}
            loading={save.isPending}
            onClick={submit}
            aria-label={t('reports:block.save', { name })}
          >
            {t('common.save')}
          </Button>
        </Group>
      )}
    </Paper>
  );
}
