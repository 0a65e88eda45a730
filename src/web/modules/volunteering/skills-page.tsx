import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Switch,
  Table,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rolesFor } from '../../../shared/roles';
import { fieldErrors } from '../../api/client';
import { useMe } from '../../api/session';
import { Empty, ScrollTable } from '../../components/data-table';
import { notifyError, notifySuccess, QueryState } from '../../components/feedback';
import { FormModal } from '../../components/form-modal';
import { PageHeader } from '../../components/page-header';
import { useFormat } from '../../i18n';
import { type Skill, useSaveSkill, useSkills } from './registrations.api';

/** The skills list is the whole group's: only an organisation-wide volunteers.manage grant changes it. */
function useCanEditSkills(): boolean {
  const me = useMe();
  const roles = rolesFor('volunteers.manage');
  return me.roles.some((g) => g.scopeType === 'org' && roles.includes(g.role));
}

/** The managed skills list that volunteers choose from and opportunities require: add, rename, retire. */
export function SkillsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const canEdit = useCanEditSkills();
  const [showInactive, setShowInactive] = useState(true);
  const [editing, setEditing] = useState<Skill | 'new' | null>(null);
  const skills = useSkills(true);
  const save = useSaveSkill();
  const toggle = (s: Skill) =>
    save.mutate(
      { id: s.id, body: { active: !s.active } },
      {
        onSuccess: () =>
          notifySuccess(
            t(s.active ? 'volunteer:skills.deactivated' : 'volunteer:skills.activated', { name: f.name(s) }),
          ),
        onError: (error) => notifyError(error),
      },
    );
  return (
    <>
      <PageHeader
        title={t('volunteer:skills.title')}
        description={t('volunteer:skills.description')}
        actions={
          canEdit && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
              {t('volunteer:skills.create')}
            </Button>
          )
        }
      />
      {!canEdit && (
        <Alert color="blue" icon={<IconInfoCircle aria-hidden />} mb="md">
          {t('volunteer:skills.readOnly')}
        </Alert>
      )}
      <Paper withBorder p="md">
        <Switch
          mb="md"
          label={t('volunteer:skills.showInactive')}
          checked={showInactive}
          onChange={(e) => setShowInactive(e.currentTarget.checked)}
        />
        <QueryState
          query={skills}
          isEmpty={(items) => items.length === 0}
          empty={<Empty title={t('volunteer:skills.empty')} description={t('volunteer:skills.emptyHint')} />}
        >
          {(items) => (
            <ScrollTable minWidth={640} label={t('volunteer:skills.title')}>
              <Table striped highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('fields.code')}</Table.Th>
                    <Table.Th>{t('fields.nameJa')}</Table.Th>
                    <Table.Th>{t('fields.nameEn')}</Table.Th>
                    <Table.Th>{t('volunteer:fields.status')}</Table.Th>
                    {canEdit && <Table.Th>{t('common.actions')}</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items
                    .filter((s) => showInactive || s.active)
                    .map((s) => (
                      <Table.Tr key={s.id}>
                        <Table.Td ff="monospace">{s.code}</Table.Td>
                        <Table.Td>{s.nameJa}</Table.Td>
                        <Table.Td>{s.nameEn}</Table.Td>
                        <Table.Td>
                          {s.active ? (
                            <Badge variant="light" color="teal" c="dark.7">
                              {t('volunteer:skills.active')}
                            </Badge>
                          ) : (
                            <Badge variant="outline" color="gray.7" c="gray.8">
                              {t('volunteer:skills.inactive')}
                            </Badge>
                          )}
                        </Table.Td>
                        {canEdit && (
                          <Table.Td>
                            <Group gap="xs" wrap="nowrap">
                              <Tooltip label={t('common.editNamed', { name: s.code })}>
                                <ActionIcon
                                  variant="subtle"
                                  aria-label={t('common.editNamed', { name: s.code })}
                                  onClick={() => setEditing(s)}
                                >
                                  <IconPencil size={16} aria-hidden />
                                </ActionIcon>
                              </Tooltip>
                              <Button size="compact-sm" variant="default" onClick={() => toggle(s)}>
                                {s.active ? t('volunteer:skills.deactivate') : t('volunteer:skills.activate')}
                              </Button>
                            </Group>
                          </Table.Td>
                        )}
                      </Table.Tr>
                    ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )}
        </QueryState>
      </Paper>
      {editing && <SkillForm skill={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}

type Values = { code: string; nameJa: string; nameEn: string };

/** Add a skill (code and names) or rename one; the code is fixed once used. */
function SkillForm({ skill, onClose }: { skill: Skill | null; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveSkill();
  const form = useForm<Values>({
    initialValues: { code: skill?.code ?? '', nameJa: skill?.nameJa ?? '', nameEn: skill?.nameEn ?? '' },
    validate: {
      code: (v) =>
        /^[a-z0-9][a-z0-9_-]{0,39}$/.test(v.trim().toLowerCase()) ? null : t('volunteer:skills.codeInvalid'),
      nameJa: (v) => (v.trim() ? null : t('form.required')),
      nameEn: (v) => (v.trim() ? null : t('form.required')),
    },
  });
  const submit = form.onSubmit((v) => {
    const body = skill
      ? { nameJa: v.nameJa.trim(), nameEn: v.nameEn.trim() }
      : { code: v.code.trim().toLowerCase(), nameJa: v.nameJa.trim(), nameEn: v.nameEn.trim(), active: true };
    save.mutate(
      { id: skill?.id, body },
      {
        onSuccess: () => {
          notifySuccess(t('common.savedNamed', { name: skill?.code ?? v.code.trim().toLowerCase() }));
          onClose();
        },
        onError: (error) => form.setErrors(fieldErrors(error)),
      },
    );
  });
  return (
    <FormModal
      title={skill ? t('volunteer:skills.edit') : t('volunteer:skills.create')}
      onClose={onClose}
      onSubmit={submit}
      error={save.error}
      saving={save.isPending}
    >
      <TextInput
        label={t('fields.code')}
        description={t('volunteer:skills.codeHelp')}
        required
        disabled={!!skill}
        data-autofocus
        {...form.getInputProps('code')}
      />
      <div />
      <TextInput label={t('fields.nameJa')} required {...form.getInputProps('nameJa')} />
      <TextInput label={t('fields.nameEn')} required {...form.getInputProps('nameEn')} />
    </FormModal>
  );
}
