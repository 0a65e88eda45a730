import {
  Button,
  Divider,
  Group,
  Modal,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/client';
import type { Employee } from '../../api/types';
import { useFormat } from '../../i18n';
import { EmployeePicker } from './employee-picker';
import { emptyGrant, GrantFields, type GrantValues, grantBody, validateGrant } from './grant-fields';
import { useCreateUser } from './users.api';
import { FormError, notifySuccess } from '../../components/feedback';

type Values = {
  email: string;
  displayName: string;
  password: string;
  locale: 'ja' | 'en';
  grant: GrantValues;
};

/** A new account: e-mail, name, optional password and employee link, and a first role. */
export function UserCreateModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const create = useCreateUser();
  const [employee, setEmployee] = useState<Employee | null>(null);
  const form = useForm<Values>({
    initialValues: {
      email: '',
      displayName: '',
      password: '',
      locale: f.locale,
      grant: { ...emptyGrant, role: 'employee' },
    },
    validate: {
      email: (v) => (/^[^@\s]+@[^@\s]+$/.test(v.trim()) ? null : t('form.emailInvalid')),
      password: (v) => (v === '' || v.length >= 10 ? null : t('form.passwordTooShort')),
      grant: validateGrant(t, true),
    },
  });
  const pick = (e: Employee | null) => {
    setEmployee(e);
    if (e && !form.values.email) form.setFieldValue('email', e.email);
    if (e && !form.values.displayName) form.setFieldValue('displayName', f.name(e));
  };
  const submit = form.onSubmit((v) =>
    create.mutate(
      {
        email: v.email.trim(),
        displayName: v.displayName.trim() || undefined,
        password: v.password || undefined,
        locale: v.locale,
        employeeId: employee?.id,
        grants: v.grant.role ? [grantBody(v.grant)] : [],
      },
      {
        onSuccess: (user) => {
          notifySuccess(t('users.created', { email: user.email }));
          onClose();
        },
        onError: (error) =>
          form.setErrors(
            Object.fromEntries(
              Object.entries(fieldErrors(error)).map(([path, m]) => [
                path.replace(/^grants\.0\./, 'grant.'),
                m,
              ]),
            ),
          ),
      },
    ),
  );
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened
      onClose={onClose}
      title={t('users.create')}
      size="xl"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormError error={create.error} />
          <EmployeePicker value={employee} onChange={pick} error={form.errors.employeeId} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('fields.email')} type="email" required {...form.getInputProps('email')} />
            <TextInput label={t('users.displayName')} {...form.getInputProps('displayName')} />
            <PasswordInput
              label={t('users.initialPassword')}
              description={t('users.initialPasswordHelp')}
              autoComplete="new-password"
              visibilityToggleButtonProps={{ 'aria-label': t('signIn.showPassword') }}
              {...form.getInputProps('password')}
            />
            <Select
              label={t('users.locale')}
              data={[
                { value: 'ja', label: t('language.ja') },
                { value: 'en', label: t('language.en') },
              ]}
              allowDeselect={false}
              {...form.getInputProps('locale')}
            />
          </SimpleGrid>
          <Divider />
          <Text fw={700} size="sm">
            {t('users.firstRole')}
          </Text>
          <GrantFields form={form} prefix="grant." />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('users.createSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
