import { Button, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/client';
import type { Employee, UserAdmin } from '../../api/types';
import { notifyError, notifySuccess } from '../../components/feedback';
import { EmployeePicker } from './employee-picker';
import { useUserActions } from './users.api';

/** Links an existing account to an employee record, or unlinks it. */
export function EmployeeLink({ user }: { user: UserAdmin }) {
  const { t } = useTranslation();
  const { update } = useUserActions(user.id);
  const [employee, setEmployee] = useState<Employee | null>(null);
  const [error, setError] = useState<string | undefined>();
  const link = () =>
    update.mutate(
      { employeeId: employee!.id },
      {
        onSuccess: () => {
          notifySuccess(t('users.linkedDone'));
          setEmployee(null);
        },
        onError: (err) => setError(fieldErrors(err).employeeId ?? (err as Error).message),
      },
    );
  const unlink = () =>
    update.mutate(
      { employeeId: null },
      { onSuccess: () => notifySuccess(t('users.unlinkedDone')), onError: (err) => notifyError(err) },
    );
  return (
    <Stack gap="xs">
      <EmployeePicker
        value={employee}
        onChange={(e) => {
          setEmployee(e);
          setError(undefined);
        }}
        error={error}
      />
      <Group>
        <Button variant="default" disabled={!employee} loading={update.isPending} onClick={link}>
          {t('users.link')}
        </Button>
        {user.employeeId && (
          <Button variant="default" loading={update.isPending} onClick={unlink}>
            {t('users.unlink')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
