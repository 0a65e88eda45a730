import { Badge, Button, Group, Paper, Select, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useList } from '../../api/resources';
import { useCan } from '../../api/session';
import type { Role, UserAdmin } from '../../api/types';
import { Empty, Pager, ScrollTable } from '../../components/data-table';
import { PageHeader } from '../../components/page-header';
import { SearchBox, useSearchState } from '../../components/list-filters';
import { useFormat } from '../../i18n';
import type { UsersSearch } from '../../search-params';
import { ROLES } from '../../../shared/roles';
import { UserCreateModal } from './user-create-modal';
import { UserDrawer } from './user-drawer';
import { QueryState } from '../../components/feedback';

/** Accounts and their role grants: search, filter by role, open one to manage it. */
export function UsersPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const canManage = useCan()('roles.manage');
  const [search, update] = useSearchState<UsersSearch>();
  const { q, role, page = 1, size = 50 } = search;
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const list = useList<UserAdmin>('users', { q, role, page, size });

  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('users.description')}
        actions={
          canManage && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              {t('users.create')}
            </Button>
          )
        }
      />
      <Paper withBorder p="md">
        <Group mb="md" align="flex-end">
          <SearchBox
            value={q}
            onSearch={(v) => update({ q: v })}
            placeholder={t('users.searchPlaceholder')}
          />
          <Select
            label={t('roles.role')}
            placeholder={t('common.all')}
            clearable
            data={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
            value={role ?? null}
            onChange={(v) => update({ role: (v as Role) ?? undefined })}
            w={220}
          />
        </Group>
        <QueryState
          query={list}
          isEmpty={(data) => data.items.length === 0}
          empty={
            <Empty title={t('users.empty')} description={q || role ? t('common.emptyFiltered') : undefined} />
          }
        >
          {(data) => (
            <>
              <ScrollTable minWidth={800} label={t('users.title')}>
                <Table striped highlightOnHover>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('users.account')}</Table.Th>
                      <Table.Th>{t('users.grants')}</Table.Th>
                      <Table.Th>{t('fields.status')}</Table.Th>
                      <Table.Th>{t('users.lastLoginColumn')}</Table.Th>
                      <Table.Th>{t('common.actions')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((u) => (
                      <Table.Tr key={u.id}>
                        <Table.Td>
                          <Text size="sm" fw={600}>
                            {u.displayName}
                          </Text>
                          <Text size="xs">{u.email}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Group gap={4}>
                            {u.grants.map((g) => (
                              <Badge key={g.id} variant="light" color="indigo" c="indigo.9">
                                {t(`role.${g.role}`)} · {g.scopeLabel}
                              </Badge>
                            ))}
                          </Group>
                        </Table.Td>
                        <Table.Td>
                          <Group gap={4}>
                            {u.disabled && (
                              <Badge color="gray.8" variant="outline">
                                {t('users.disabled')}
                              </Badge>
                            )}
                            {u.locked && (
                              <Badge color="red" c="red.9" variant="light">
                                {t('users.locked')}
                              </Badge>
                            )}
                            {!u.disabled && !u.locked && (
                              <Badge color="teal" c="dark.7" variant="light">
                                {t('users.active')}
                              </Badge>
                            )}
                          </Group>
                        </Table.Td>
                        <Table.Td>{u.lastLoginAt ? f.dateTime(u.lastLoginAt) : t('users.never')}</Table.Td>
                        <Table.Td>
                          <Button
                            size="xs"
                            variant="light"
                            onClick={() => setOpen(u.id)}
                            aria-label={
                              canManage
                                ? t('users.manageNamed', { email: u.email })
                                : t('users.viewNamed', { email: u.email })
                            }
                          >
                            {canManage ? t('users.manage') : t('common.view')}
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollTable>
              <Pager
                page={page}
                size={size}
                total={data.total}
                onPage={(p) => update({ page: p })}
                onSize={(n) => update({ size: n })}
              />
            </>
          )}
        </QueryState>
      </Paper>
      {open && <UserDrawer userId={open} onClose={() => setOpen(null)} />}
      {creating && <UserCreateModal onClose={() => setCreating(false)} />}
    </>
  );
}
