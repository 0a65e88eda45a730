import {
  ActionIcon,
  Button,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Tooltip,
} from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/client';
import { ScrollTable } from '../../components/data-table';
import { FormError, notifySuccess } from '../../components/feedback';
import { useFormat } from '../../i18n';
import { useYearLabel } from '../finance/finance-format';
import { expenseText } from '../expenses/expense-format';
import { useCreateRestatement } from './accounting.api';
import { type DraftLine, LineEditor, lineSummary } from './restatement-line-editor';

/**
 * A new restatement of a closed year: the reason in both languages (the report shows it) and the
 * lines it adds, each valued like any expense; saved in one go with the figures after it.
 */
export function RestatementForm({
  fiscalYear,
  lastDay,
  onClose,
}: {
  fiscalYear: number;
  lastDay: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const yearLabel = useYearLabel();
  const create = useCreateRestatement(fiscalYear);
  const [reasonJa, setReasonJa] = useState('');
  const [reasonEn, setReasonEn] = useState('');
  const [lines, setLines] = useState<DraftLine[]>([]);
  const [editing, setEditing] = useState<{ index: number | null } | null>(null);
  const [checked, setChecked] = useState(false);
  const reasonMissing = !reasonJa.trim() || !reasonEn.trim();
  const errors = fieldErrors(create.error);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setChecked(true);
    if (reasonMissing || lines.length === 0) return;
    create.mutate(
      { reasonJa: reasonJa.trim(), reasonEn: reasonEn.trim(), lines: lines.map((l) => l.body) },
      {
        onSuccess: () => {
          notifySuccess(t('expenses:restatements.created', { year: yearLabel(fiscalYear) }));
          onClose();
        },
      },
    );
  };
  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={t('expenses:restatements.createTitle', { year: yearLabel(fiscalYear) })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormError error={create.error} />
          <Text size="sm" c="dimmed">
            {t('expenses:restatements.formHelp')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Textarea
              label={t('expenses:restatements.reasonJa')}
              lang="ja"
              required
              autosize
              minRows={3}
              value={reasonJa}
              onChange={(e) => setReasonJa(e.currentTarget.value)}
              error={
                (checked && !reasonJa.trim() && t('expenses:restatements.reasonRequired')) || errors.reasonJa
              }
            />
            <Textarea
              label={t('expenses:restatements.reasonEn')}
              lang="en"
              required
              autosize
              minRows={3}
              value={reasonEn}
              onChange={(e) => setReasonEn(e.currentTarget.value)}
              error={
                (checked && !reasonEn.trim() && t('expenses:restatements.reasonRequired')) || errors.reasonEn
              }
            />
          </SimpleGrid>
          <Group justify="space-between">
            <Text fw={600}>{t('expenses:restatements.lines')}</Text>
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() => setEditing({ index: null })}
            >
              {t('expenses:restatements.addLine')}
            </Button>
          </Group>
          {lines.length === 0 ? (
            <Text size="sm" c={checked ? 'red.8' : 'dimmed'} role={checked ? 'alert' : undefined}>
              {t('expenses:restatements.noLines')}
            </Text>
          ) : (
            <ScrollTable minWidth={560} label={t('expenses:restatements.lines')}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('expenses:field.description')}</Table.Th>
                    <Table.Th>{t('expenses:field.type')}</Table.Th>
                    <Table.Th ta="right">{t('expenses:field.amount')}</Table.Th>
                    <Table.Th>{t('common.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {lines.map((l, i) => {
                    const line = lineSummary(l);
                    const name = expenseText(line, f);
                    return (
                      // biome-ignore lint/suspicious/noArrayIndexKey: lines have no id until saved
                      <Table.Tr key={i}>
                        <Table.Td>
                          <Text size="sm">{name}</Text>
                          {l.adjusts && (
                            <Text size="xs" c="dimmed">
                              {t('expenses:restatements.adjustsLine', { name: expenseText(l.adjusts, f) })}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>{t(`expenses:type.${line.type}`)}</Table.Td>
                        <Table.Td ta="right">{f.money(line.amountMinor, line.currency)}</Table.Td>
                        <Table.Td>
                          <Group gap={4} wrap="nowrap">
                            <Tooltip label={t('common.editNamed', { name })}>
                              <ActionIcon
                                variant="subtle"
                                aria-label={t('common.editNamed', { name })}
                                onClick={() => setEditing({ index: i })}
                              >
                                <IconPencil size={16} aria-hidden />
                              </ActionIcon>
                            </Tooltip>
                            <Tooltip label={t('common.deleteNamed', { name })}>
                              <ActionIcon
                                variant="subtle"
                                color="red"
                                aria-label={t('common.deleteNamed', { name })}
                                onClick={() => setLines((ls) => ls.filter((_, j) => j !== i))}
                              >
                                <IconTrash size={16} aria-hidden />
                              </ActionIcon>
                            </Tooltip>
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('expenses:restatements.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      {editing && (
        <LineEditor
          fiscalYear={fiscalYear}
          lastDay={lastDay}
          initial={editing.index === null ? null : lines[editing.index]}
          onClose={() => setEditing(null)}
          onSave={(line) =>
            setLines((ls) =>
              editing.index === null ? [...ls, line] : ls.map((l, j) => (j === editing.index ? line : l)),
            )
          }
        />
      )}
    </Modal>
  );
}
