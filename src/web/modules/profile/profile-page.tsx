import { Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, fieldErrors, ApiError } from '../../api/client';
import { useMe } from '../../api/session';
import type { User, Employee } from '../../api/types';
import { LanguageSwitch } from '../../components/header-controls';
import { PageHeader } from '../../components/page-header';
import { useFormat } from '../../i18n';
import { ApiTokens } from './api-tokens';
import { PasswordForm } from './password-form';
import { FormError, notifySuccess, QueryState } from '../../components/feedback';
import { EmployeeDetails } from '../people/employee-drawer';

/** The user's own account: name, language, employee record, password and API tokens. */
export function ProfilePage() {
  const { t } = useTranslation();
  const f = useFormat();
  const me = useMe();
  const queryClient = useQueryClient();
  const rename = useMutation({
    mutationFn: (displayName: string) => api<User>('/api/me', { method: 'PATCH', body: { displayName } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['me'] }),
  });
  const form = useForm({
    initialValues: { displayName: me.user.displayName },
    validate: { displayName: (v) => (v.trim() ? null : t('form.required')) },
  });
  const submit = form.onSubmit((v) =>
    rename.mutate(v.displayName.trim(), {
      onSuccess: () => notifySuccess(t('profile.saved')),
      onError: (error) => form.setErrors(fieldErrors(error)),
    }),
  );
  return (
    <>
      <PageHeader title={t('profile.title')} description={t('profile.description')} />
      <Stack gap="lg" maw={960}>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Paper withBorder p="lg" component="section" aria-labelledby="profile-account">
            <Title order={2} size="h4" id="profile-account" mb="sm">
              {t('profile.account')}
            </Title>
            <form onSubmit={submit} noValidate>
              <Stack gap="sm">
                <FormError error={rename.error} />
                <TextInput label={t('fields.email')} value={me.user.email} readOnly />
                <TextInput label={t('users.displayName')} required {...form.getInputProps('displayName')} />
                <Text size="sm">
                  {t('profile.organisation')}: {f.name(me.organisation)}
                </Text>
                <Group justify="flex-end">
                  <Button type="submit" loading={rename.isPending} disabled={!form.isDirty()}>
                    {t('common.save')}
                  </Button>
                </Group>
              </Stack>
            </form>
          </Paper>
          <Paper withBorder p="lg" component="section" aria-labelledby="profile-language">
            <Title order={2} size="h4" id="profile-language" mb="sm">
              {t('language.label')}
            </Title>
            <Text size="sm" mb="sm">
              {t('profile.languageHelp')}
            </Text>
            <LanguageSwitch size="sm" />
          </Paper>
        </SimpleGrid>
        <MyEmployee />
        <PasswordForm />
        <ApiTokens />
      </Stack>
    </>
  );
}

/** The user's own employee record; a 404 means the account is not linked to one. */
export function MyEmployee() {
  const { t } = useTranslation();
  const record = useQuery({
    queryKey: ['me', 'employee'],
    queryFn: async () => {
      try {
        return await api<Employee>('/api/me/employee');
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="profile-employee">
      <Title order={2} size="h4" id="profile-employee" mb="sm">
        {t('profile.employee')}
      </Title>
      <QueryState query={record}>
        {(employee) =>
          employee ? (
            <EmployeeDetails employee={employee} />
          ) : (
            <Text size="sm">{t('profile.noEmployee')}</Text>
          )
        }
      </QueryState>
    </Paper>
  );
}
