import { Button, Group, Select, Stack, Text, Title } from '@mantine/core';
import { IconListNumbers, IconPlus } from '@tabler/icons-react';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fiscalYearLabel, fiscalYearOf } from '../../../shared/fiscal-year';
import { useCan } from '../../api/session';
import { Empty } from '../../components/data-table';
import { QueryState } from '../../components/feedback';
import { PageHeader } from '../../components/page-header';
import { RowActions } from '../../components/row-actions';
import { useFormat } from '../../i18n';
import { useOrganisation } from '../organisations/organisations.api';
import { GoalsTable, TargetCard, textOf } from './goal-lines';
import { ProgressForm, TargetForm, YearlyGoalForm } from './goal-forms';
import {
  type GoalLine,
  useDeleteTarget,
  useDeleteYearly,
  useOverview,
  useTarget,
  useYearlyGoals,
} from './goals.api';
import type { GoalsSearch } from './goals-search';

type Editing =
  | { kind: 'target'; id: string | null }
  | { kind: 'progress'; id: string }
  | { kind: 'yearly'; id: string | null; fiscalYear: number };

/**
 * A fiscal year's goals: the medium- to long-term targets covering it (M badge, progress bar, status,
 * progress texts), the year's goals with actual and status, and the next year's goals. Figures of
 * bound metrics are computed; CSR managers add and edit targets, goals and texts.
 */
export function GoalsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const canManage = useCan()('goals.manage');
  const org = useOrganisation();
  const search = useSearch({ strict: false }) as GoalsSearch;
  const navigate = useNavigate();
  const current = fiscalYearOf(new Date().toISOString().slice(0, 10), org.data?.fiscalYearStartMonth ?? 4);
  const fy = search.fiscalYear ?? current;
  const overview = useOverview(fy);
  const yearly = useYearlyGoals(fy);
  const nextYearly = useYearlyGoals(fy + 1);
  const [editing, setEditing] = useState<Editing | null>(null);
  const editedTarget = useTarget(editing?.kind === 'target' ? editing.id : null);
  const progressTarget = useTarget(editing?.kind === 'progress' ? editing.id : null);
  const deleteTarget = useDeleteTarget();
  const deleteYearly = useDeleteYearly();
  const years = Array.from({ length: 12 }, (_, i) => current + 1 - i);
  const targetChoices = (overview.data?.goals ?? [])
    .filter((l) => l.kind === 'target')
    .map((l) => ({ value: l.id, label: textOf(l.textJa, l.textEn, f.locale) }));
  const yearlyActions = (list: typeof yearly, year: number) =>
    canManage
      ? (l: GoalLine) => (
          <RowActions
            name={textOf(l.textJa, l.textEn, f.locale)}
            onEdit={() => setEditing({ kind: 'yearly', id: l.id, fiscalYear: year })}
            onDelete={() => deleteYearly.mutateAsync(l.id)}
            deleteMessage={t('goals:yearly.deleteConfirm')}
            deleting={deleteYearly.isPending || list.isPending}
          />
        )
      : undefined;
  const settings = {
    startMonth: org.data?.fiscalYearStartMonth ?? 4,
    labelJa: org.data?.fyLabelJa ?? 'start',
    labelEn: org.data?.fyLabelEn ?? 'end',
  };
  const label = (y: number) => fiscalYearLabel(y, f.locale, settings);
  return (
    <>
      <PageHeader
        title={t('goals:title')}
        description={t('goals:description')}
        actions={
          <Group>
            <Select
              label={t('goals:fiscalYear')}
              data={years.map((y) => ({ value: String(y), label: label(y) }))}
              value={String(fy)}
              onChange={(v) => v && navigate({ to: '/goals', search: { fiscalYear: Number(v) } })}
              allowDeselect={false}
              w={160}
            />
            <Button
              component={Link}
              to="/goals/metrics"
              variant="default"
              leftSection={<IconListNumbers size={16} aria-hidden />}
            >
              {t('goals:metricsLink')}
            </Button>
          </Group>
        }
      />
      <QueryState query={overview}>
        {(data) => {
          const targets = data.goals.filter((l) => l.kind === 'target');
          const goals = data.goals.filter((l) => l.kind === 'yearly');
          const nextLabel = label(fy + 1);
          return (
            <Stack gap="lg">
              <Text size="sm" c="dimmed">
                {label(fy)} · {t('goals:refresh')}
              </Text>
              <Group justify="space-between">
                <Title order={3}>{t('goals:targets.title')}</Title>
                {canManage && (
                  <Button
                    leftSection={<IconPlus size={16} aria-hidden />}
                    onClick={() => setEditing({ kind: 'target', id: null })}
                  >
                    {t('goals:targets.create')}
                  </Button>
                )}
              </Group>
              {targets.length === 0 && (
                <Empty title={t('goals:targets.empty')} description={t('goals:targets.emptyHelp')} />
              )}
              {targets.map((line) => (
                <TargetCard
                  key={line.id}
                  line={line}
                  progress={data.progress.find((p) => p.targetId === line.id)}
                  actions={
                    canManage && (
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="light"
                          onClick={() => setEditing({ kind: 'progress', id: line.id })}
                        >
                          {t('goals:progress.edit')}
                        </Button>
                        <RowActions
                          name={textOf(line.textJa, line.textEn, f.locale)}
                          onEdit={() => setEditing({ kind: 'target', id: line.id })}
                          onDelete={() => deleteTarget.mutateAsync(line.id)}
                          deleteMessage={t('goals:targets.deleteConfirm')}
                          deleting={deleteTarget.isPending}
                        />
                      </Group>
                    )
                  }
                />
              ))}
              <Group justify="space-between">
                <Title order={3}>{t('goals:yearly.title')}</Title>
                {canManage && (
                  <Button
                    leftSection={<IconPlus size={16} aria-hidden />}
                    onClick={() => setEditing({ kind: 'yearly', id: null, fiscalYear: fy })}
                  >
                    {t('goals:yearly.create')}
                  </Button>
                )}
              </Group>
              {goals.length === 0 ? (
                <Empty title={t('goals:yearly.empty')} description={t('goals:yearly.emptyHelp')} />
              ) : (
                <GoalsTable
                  lines={goals}
                  label={t('goals:yearly.title')}
                  actions={yearlyActions(yearly, fy)}
                />
              )}
              <Group justify="space-between">
                <Title order={3}>{t('goals:yearly.next', { label: nextLabel })}</Title>
                {canManage && (
                  <Button
                    variant="light"
                    leftSection={<IconPlus size={16} aria-hidden />}
                    onClick={() => setEditing({ kind: 'yearly', id: null, fiscalYear: fy + 1 })}
                  >
                    {t('goals:yearly.createNext')}
                  </Button>
                )}
              </Group>
              {data.nextYearGoals.length === 0 ? (
                <Empty title={t('goals:yearly.nextEmpty')} />
              ) : (
                <GoalsTable
                  lines={data.nextYearGoals}
                  label={t('goals:yearly.next', { label: nextLabel })}
                  actions={yearlyActions(nextYearly, fy + 1)}
                />
              )}
            </Stack>
          );
        }}
      </QueryState>
      {editing?.kind === 'target' && (editing.id === null || editedTarget.data) && (
        <TargetForm
          target={editing.id ? (editedTarget.data ?? null) : null}
          onClose={() => setEditing(null)}
        />
      )}
      {editing?.kind === 'progress' && progressTarget.data && (
        <ProgressForm
          targetId={editing.id}
          fiscalYear={fy}
          current={progressTarget.data.progress.find((p) => p.fiscalYear === fy)}
          onClose={() => setEditing(null)}
        />
      )}
      {editing?.kind === 'yearly' && (
        <YearlyGoalForm
          goal={
            editing.id
              ? ((editing.fiscalYear === fy ? yearly : nextYearly).data?.items.find(
                  (g) => g.id === editing.id,
                ) ?? null)
              : null
          }
          fiscalYear={editing.fiscalYear}
          targets={targetChoices}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
