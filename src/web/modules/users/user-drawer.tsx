import { Badge, Button, Divider, Drawer, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/client';
import { useItem } from '../../api/resources';
import { useCan } from '../../api/session';
import type { Employee, UserAdmin } from '../../api/types';
import { ConfirmButton } from '../../components/confirm-button';
import { useFormat } from '../../i18n';
import { AccountActions } from './account-actions';
import { EmployeeLink } from './employee-link';
import { emptyGrant, GrantFields, type GrantValues, grantBody, validateGrant } from './grant-fields';
import { useUserActions } from './users.api';
import { FormError, LoadError, PageLoader, notifyError, notifySuccess } from '../../components/feedback';

/** One account: its role grants (grant, revoke) and account actions, with roles.manage. */
export function UserDrawer({ userId, onClose }: { userId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const canManage = useCan()('roles.manage');
  const user = useItem<UserAdmin>('users', userId);
  const actions = useUserActions(userId);
  const form = useForm<GrantValues>({ initialValues: emptyGrant, validate: validateGrant(t) });
  const submit = form.onSubmit((v) =>
    actions.grant.mutate(grantBody(v), {
      onSuccess: () => {
        notifySuccess(t('users.granted'));
        form.reset();
      },
      onError: (error) => form.setErrors(fieldErrors(error)),
    }),
  );
  const u = user.data;
  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="xl"
      title={u?.email ?? t('users.detail')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {!u ? (
        user.isError ? (
          <LoadError error={user.error} onRetry={() => user.refetch()} />
        ) : (
          <PageLoader />
        )
      ) : (
        <Stack>
          <Group gap="xs">
            <Text fw={700}>{u.displayName}</Text>
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
          </Group>
          <Text size="sm">
            {t('users.lastLogin', { at: u.lastLoginAt ? f.dateTime(u.lastLoginAt) : t('users.never') })}
          </Text>
          <LinkedEmployee id={u.employeeId} />
          {canManage && <EmployeeLink user={u} />}
          <Divider />
          <Title order={2} size="h4">
            {t('users.grants')}
          </Title>
          {u.grants.length === 0 ? (
            <Text size="sm">{t('users.noGrants')}</Text>
          ) : (
            <Table withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('roles.role')}</Table.Th>
                  <Table.Th>{t('roles.scope')}</Table.Th>
                  {canManage && <Table.Th>{t('common.actions')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {u.grants.map((g) => (
                  <Table.Tr key={g.id}>
                    <Table.Td>{t(`role.${g.role}`)}</Table.Td>
                    <Table.Td>
                      {t(`scopeType.${g.scopeType}`)}: {g.scopeLabel}
                    </Table.Td>
                    {canManage && (
                      <Table.Td>
                        <ConfirmButton
                          icon={<IconTrash size={16} aria-hidden />}
                          label={t('users.revokeNamed', { role: t(`role.${g.role}`), scope: g.scopeLabel })}
                          title={t('users.revokeTitle')}
                          message={t('users.revokeMessage', {
                            role: t(`role.${g.role}`),
                            scope: g.scopeLabel,
                            email: u.email,
                          })}
                          confirmLabel={t('users.revoke')}
                          loading={actions.revoke.isPending}
                          onConfirm={() =>
                            actions.revoke.mutateAsync(g.id).then(
                              () => notifySuccess(t('users.revoked')),
                              (error) => notifyError(error),
                            )
                          }
                        />
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {canManage && (
            <form onSubmit={submit} noValidate aria-labelledby="grant-title">
              <Stack gap="sm">
                <Title order={3} size="h5" id="grant-title">
                  {t('users.grantTitle')}
                </Title>
                <FormError error={actions.grant.error} />
                <GrantFields form={form} />
                <Group justify="flex-end">
                  <Button type="submit" loading={actions.grant.isPending}>
                    {t('users.grant')}
                  </Button>
                </Group>
              </Stack>
            </form>
          )}
          {canManage && <AccountActions user={u} />}
        </Stack>
      )}
    </Drawer>
  );
}

/** The employee record an account is linked to, by number and name (or that there is none). */
function LinkedEmployee({ id }: { id: string | null }) {
  const { t } = useTranslation();
  const f = useFormat();
  const employee = useItem<Employee>('employees', useCan()('people.read') ? id : null);
  const label = !id
    ? t('users.noEmployee')
    : employee.data
      ? `${employee.data.employeeNumber} ${f.name(employee.data)}`
      : employee.isLoading
        ? '…'
        : id;
  return <Text size="sm">{t('users.linkedEmployee', { employee: label })}</Text>;
}
