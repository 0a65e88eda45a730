import {
  ActionIcon,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, fieldErrors, type Page } from '../../api/client';
import type { Employee } from '../../api/types';
import { FormError, notifySuccess } from '../../components/feedback';
import { FormModal } from '../../components/form-modal';
import { useFormat } from '../../i18n';
import {
  PROJECT_ITEM_KINDS,
  PROJECT_ROLES,
  PROJECT_STATUSES,
  type ProjectDetail,
  type ProjectItem,
  type ProjectItemKind,
  type ProjectRole,
  useSaveItem,
  useSaveProject,
  useSetTeam,
} from './records.api';

const text = (v: string) => v.trim() || null;
type PartnerOption = { id: string; code: string; nameJa: string | null; nameEn: string | null };

/** Adds or changes a project: code, titles, summary, partner, fiscal year, dates, status. */
export function ProjectModal({
  programId,
  project,
  onClose,
  onSaved,
}: {
  programId: string;
  project?: ProjectDetail;
  onClose: () => void;
  onSaved?: (p: ProjectDetail) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const save = useSaveProject(programId);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const partners = useQuery({
    queryKey: ['partners', 'pick', q],
    queryFn: () => api<Page<PartnerOption>>('/api/partners', { query: { q: q || undefined, size: 50 } }),
  });
  const options = (partners.data?.items ?? []).map((p) => ({
    value: p.id,
    label: `${(f.locale === 'ja' ? (p.nameJa ?? p.nameEn) : (p.nameEn ?? p.nameJa)) ?? p.code} (${p.code})`,
  }));
  if (project?.partner && !options.some((o) => o.value === project.partner!.id))
    options.unshift({
      value: project.partner.id,
      label: `${project.partner.name} (${project.partner.code})`,
    });
  const form = useForm({
    initialValues: {
      code: project?.code ?? '',
      titleJa: project?.titleJa ?? '',
      titleEn: project?.titleEn ?? '',
      summaryJa: project?.summaryJa ?? '',
      summaryEn: project?.summaryEn ?? '',
      partnerId: project?.partner?.id ?? null,
      fiscalYear: (project?.fiscalYear ?? '') as number | string,
      startsOn: project?.startsOn ?? '',
      endsOn: project?.endsOn ?? '',
      status: project?.status ?? 'active',
    },
  });
  const submit = form.onSubmit((v) =>
    save.mutate(
      {
        id: project?.id,
        body: {
          code: v.code.trim(),
          titleJa: text(v.titleJa),
          titleEn: text(v.titleEn),
          summaryJa: text(v.summaryJa),
          summaryEn: text(v.summaryEn),
          partnerId: v.partnerId || null,
          fiscalYear: v.fiscalYear === '' ? undefined : Number(v.fiscalYear),
          startsOn: v.startsOn || null,
          endsOn: v.endsOn || null,
          status: v.status,
        },
      },
      {
        onSuccess: (p) => {
          notifySuccess(t('records:projects.saved'));
          onSaved?.(p);
          onClose();
        },
        onError: (e) => form.setErrors(fieldErrors(e)),
      },
    ),
  );
  return (
    <FormModal
      title={t(project ? 'records:projects.edit' : 'records:projects.add')}
      onClose={onClose}
      onSubmit={submit}
      error={save.error}
      saving={save.isPending}
    >
      <TextInput
        label={t('records:projects.code')}
        description={t('records:projects.codeHelp')}
        required
        {...form.getInputProps('code')}
      />
      <Select
        label={t('records:projects.status')}
        data={PROJECT_STATUSES.map((s) => ({ value: s, label: t(`records:projectStatus.${s}`) }))}
        allowDeselect={false}
        {...form.getInputProps('status')}
      />
      <TextInput label={t('records:common.titleJa')} {...form.getInputProps('titleJa')} />
      <TextInput label={t('records:common.titleEn')} {...form.getInputProps('titleEn')} />
      <Textarea
        label={t('records:projects.summaryJa')}
        autosize
        minRows={2}
        {...form.getInputProps('summaryJa')}
      />
      <Textarea
        label={t('records:projects.summaryEn')}
        autosize
        minRows={2}
        {...form.getInputProps('summaryEn')}
      />
      <Select
        label={t('records:projects.partner')}
        searchable
        clearable
        searchValue={search}
        onSearchChange={setSearch}
        filter={({ options: o }) => o}
        data={options}
        nothingFoundMessage={t('records:projects.noPartner')}
        {...form.getInputProps('partnerId')}
      />
      <NumberInput
        label={t('records:common.fiscalYear')}
        description={t('records:projects.fiscalYearHelp')}
        min={1900}
        max={2200}
        allowDecimal={false}
        thousandSeparator={false}
        {...form.getInputProps('fiscalYear')}
      />
      <TextInput type="date" label={t('records:common.startsOn')} {...form.getInputProps('startsOn')} />
      <TextInput type="date" label={t('records:common.endsOn')} {...form.getInputProps('endsOn')} />
    </FormModal>
  );
}

/** Adds or changes a milestone, deliverable or outcome (an outcome may have a quantity). */
export function ItemModal({
  projectId,
  item,
  kind,
  onClose,
}: {
  projectId: string;
  item?: ProjectItem;
  kind: ProjectItemKind;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveItem(projectId);
  const form = useForm({
    initialValues: {
      kind: item?.kind ?? kind,
      titleJa: item?.titleJa ?? '',
      titleEn: item?.titleEn ?? '',
      quantity: (item?.quantity ?? '') as number | string,
      dueOn: item?.dueOn ?? '',
      doneOn: item?.doneOn ?? '',
    },
  });
  const submit = form.onSubmit((v) =>
    save.mutate(
      {
        id: item?.id,
        body: {
          kind: v.kind,
          titleJa: text(v.titleJa),
          titleEn: text(v.titleEn),
          quantity: v.kind === 'outcome' && v.quantity !== '' ? Number(v.quantity) : null,
          dueOn: v.dueOn || null,
          doneOn: v.doneOn || null,
        },
      },
      {
        onSuccess: () => {
          notifySuccess(t('records:items.saved'));
          onClose();
        },
        onError: (e) => form.setErrors(fieldErrors(e)),
      },
    ),
  );
  return (
    <FormModal
      title={t(item ? 'records:items.edit' : `records:items.add.${kind}`)}
      onClose={onClose}
      onSubmit={submit}
      error={save.error}
      saving={save.isPending}
    >
      <Select
        label={t('records:items.kind')}
        data={PROJECT_ITEM_KINDS.map((k) => ({ value: k, label: t(`records:itemKind.${k}`) }))}
        allowDeselect={false}
        {...form.getInputProps('kind')}
      />
      {form.values.kind === 'outcome' ? (
        <NumberInput
          label={t('records:items.quantity')}
          description={t('records:items.quantityHelp')}
          min={0}
          allowDecimal={false}
          {...form.getInputProps('quantity')}
        />
      ) : (
        <div />
      )}
      <TextInput label={t('records:common.titleJa')} {...form.getInputProps('titleJa')} />
      <TextInput label={t('records:common.titleEn')} {...form.getInputProps('titleEn')} />
      <TextInput type="date" label={t('records:items.dueOn')} {...form.getInputProps('dueOn')} />
      <TextInput type="date" label={t('records:items.doneOn')} {...form.getInputProps('doneOn')} />
    </FormModal>
  );
}

type Member = { employeeId: string; name: string; employeeNumber: string; role: ProjectRole };

/** Edits a project's team: add employees by name or number, set each one's role, remove. */
export function TeamModal({ project, onClose }: { project: ProjectDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const save = useSetTeam(project.id);
  const [members, setMembers] = useState<Member[]>(project.team);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const people = useQuery({
    queryKey: ['employees', 'pick', q],
    queryFn: () => api<Page<Employee>>('/api/employees', { query: { q: q || undefined, size: 20 } }),
  });
  const add = (id: string | null) => {
    const e = people.data?.items.find((p) => p.id === id);
    if (!e || members.some((m) => m.employeeId === e.id)) return;
    setMembers([
      ...members,
      { employeeId: e.id, name: f.name(e), employeeNumber: e.employeeNumber, role: 'member' },
    ]);
    setSearch('');
  };
  const submit = () =>
    save.mutate(
      {
        items: members.map((m) => ({ employeeId: m.employeeId, role: m.role })),
      },
      {
        onSuccess: () => {
          notifySuccess(t('records:team.saved'));
          onClose();
        },
      },
    );
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('records:team.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack>
        <FormError error={save.error} />
        <Select
          label={t('records:team.addEmployee')}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options }) => options}
          value={null}
          onChange={add}
          data={(people.data?.items ?? []).map((e) => ({
            value: e.id,
            label: `${f.name(e)} (${e.employeeNumber})`,
          }))}
          nothingFoundMessage={t('records:team.noEmployee')}
        />
        {members.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('records:team.empty')}
          </Text>
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('records:team.name')}</Table.Th>
                <Table.Th>{t('records:team.role')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.map((m, i) => (
                <Table.Tr key={m.employeeId}>
                  <Table.Td>
                    {m.name}{' '}
                    <Text span size="xs" c="dimmed">
                      ({m.employeeNumber})
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={t('records:team.roleOf', { name: m.name })}
                      size="xs"
                      w={140}
                      allowDeselect={false}
                      value={m.role}
                      data={PROJECT_ROLES.map((r) => ({ value: r, label: t(`records:role.${r}`) }))}
                      onChange={(v) =>
                        setMembers(members.map((x, j) => (j === i ? { ...x, role: v as ProjectRole } : x)))
                      }
                    />
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('records:team.remove', { name: m.name })}
                      onClick={() => setMembers(members.filter((x) => x.employeeId !== m.employeeId))}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
