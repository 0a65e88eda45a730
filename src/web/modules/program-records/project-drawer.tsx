import { Badge, Button, Drawer, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconPencil, IconPlus, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Empty } from '../../components/data-table';
import { QueryState } from '../../components/feedback';
import { RowActions } from '../../components/row-actions';
import { useFormat } from '../../i18n';
import { ItemModal, ProjectModal, TeamModal } from './project-dialogs';
import {
  PROJECT_ITEM_KINDS,
  type ProjectDetail,
  type ProjectItem,
  type ProjectItemKind,
  useDeleteItem,
  useProject,
} from './records.api';

export const STATUS_COLOR = { planned: 'blue', active: 'teal', completed: 'gray', cancelled: 'red' } as const;

type Dialog =
  | { kind: 'project' }
  | { kind: 'team' }
  | { kind: 'item'; itemKind: ProjectItemKind; item?: ProjectItem }
  | null;

/** A project's page in a drawer: summary, partner, team, milestones, deliverables and outcomes. */
export function ProjectDrawer({
  programId,
  projectId,
  canManage,
  onClose,
}: {
  programId: string;
  projectId: string | null;
  canManage: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const project = useProject(projectId);
  return (
    <Drawer
      opened={!!projectId}
      onClose={onClose}
      position="right"
      size="xl"
      title={project.data?.title ?? t('records:projects.project')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {projectId && (
        <QueryState query={project}>
          {(p) => <ProjectBody programId={programId} project={p} canManage={canManage} />}
        </QueryState>
      )}
    </Drawer>
  );
}

function ProjectBody({
  programId,
  project: p,
  canManage,
}: {
  programId: string;
  project: ProjectDetail;
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const [dialog, setDialog] = useState<Dialog>(null);
  const remove = useDeleteItem();
  const summary = (f.locale === 'ja' ? (p.summaryJa ?? p.summaryEn) : (p.summaryEn ?? p.summaryJa)) ?? '';
  return (
    <Stack>
      <Group gap="xs" wrap="wrap">
        <Badge variant="light" color={STATUS_COLOR[p.status]} c="dark.7">
          {t(`records:projectStatus.${p.status}`)}
        </Badge>
        <Text size="sm">{p.fiscalYearLabel}</Text>
        {(p.startsOn || p.endsOn) && (
          <Text size="sm" c="dimmed">
            {f.date(p.startsOn)} – {f.date(p.endsOn)}
          </Text>
        )}
        <Text size="sm" ff="monospace" c="dimmed">
          {p.code}
        </Text>
      </Group>
      <Text size="sm">
        {t('records:projects.partner')}:{' '}
        {p.partner ? `${p.partner.name} (${p.partner.code})` : t('records:projects.noPartnerSet')}
      </Text>
      {summary && <Text size="sm">{summary}</Text>}
      {canManage && (
        <Group gap="xs">
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPencil size={14} aria-hidden />}
            onClick={() => setDialog({ kind: 'project' })}
          >
            {t('records:projects.edit')}
          </Button>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconUsers size={14} aria-hidden />}
            onClick={() => setDialog({ kind: 'team' })}
          >
            {t('records:team.edit')}
          </Button>
        </Group>
      )}
      <section aria-labelledby="project-team">
        <Title order={3} size="h5" id="project-team" mb={4}>
          {t('records:team.heading', { count: p.team.length })}
        </Title>
        {p.team.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('records:team.empty')}
          </Text>
        ) : (
          <List size="sm" spacing={2}>
            {p.team.map((m) => (
              <List.Item key={m.employeeId}>
                {m.name} ({m.employeeNumber}) · {t(`records:role.${m.role}`)}
              </List.Item>
            ))}
          </List>
        )}
      </section>
      {PROJECT_ITEM_KINDS.map((kind) => {
        const items = p.items.filter((i) => i.kind === kind);
        return (
          <section key={kind} aria-labelledby={`items-${kind}`}>
            <Group justify="space-between" mb={4}>
              <Title order={3} size="h5" id={`items-${kind}`}>
                {t(`records:items.heading.${kind}`)}
                {kind === 'outcome' &&
                  p.outcomesQuantity > 0 &&
                  ` · ${t('records:items.total', { n: f.number(p.outcomesQuantity) })}`}
              </Title>
              {canManage && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  leftSection={<IconPlus size={14} aria-hidden />}
                  onClick={() => setDialog({ kind: 'item', itemKind: kind })}
                >
                  {t(`records:items.add.${kind}`)}
                </Button>
              )}
            </Group>
            {items.length === 0 ? (
              <Empty title={t(`records:items.none.${kind}`)} />
            ) : (
              <Stack gap={4}>
                {items.map((i) => (
                  <Group key={i.id} justify="space-between" wrap="nowrap" align="flex-start">
                    <div>
                      <Text size="sm" fw={500}>
                        {i.title}
                        {i.quantity !== null && ` — ${f.number(i.quantity)}`}
                      </Text>
                      {(i.dueOn || i.doneOn) && (
                        <Text size="xs" c="dimmed">
                          {i.dueOn && t('records:items.due', { date: f.date(i.dueOn) })}
                          {i.dueOn && i.doneOn && ' · '}
                          {i.doneOn && t('records:items.done', { date: f.date(i.doneOn) })}
                        </Text>
                      )}
                    </div>
                    {canManage && (
                      <RowActions
                        name={i.title}
                        onEdit={() => setDialog({ kind: 'item', itemKind: i.kind, item: i })}
                        onDelete={() => remove.mutateAsync(i.id)}
                        deleteTitle={t('records:items.deleteTitle')}
                        deleteMessage={t('records:items.deleteMessage', { name: i.title })}
                        deleting={remove.isPending}
                      />
                    )}
                  </Group>
                ))}
              </Stack>
            )}
          </section>
        );
      })}
      {dialog?.kind === 'project' && (
        <ProjectModal programId={programId} project={p} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'team' && <TeamModal project={p} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'item' && (
        <ItemModal
          projectId={p.id}
          kind={dialog.itemKind}
          item={dialog.item}
          onClose={() => setDialog(null)}
        />
      )}
    </Stack>
  );
}
