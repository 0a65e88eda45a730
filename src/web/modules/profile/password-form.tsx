import { Button, Group, Paper, PasswordInput, SimpleGrid, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, fieldErrors } from '../../api/client';
import { FormError, notifySuccess } from '../../components/feedback';

/** Change one's own password (the current one is required; other sessions end). */
export function PasswordForm() {
  const { t } = useTranslation();
  const change = useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      api<void>('/api/me/password', { method: 'PUT', body }),
  });
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirm: '' },
    validate: {
      currentPassword: (v) => (v ? null : t('form.required')),
      newPassword: (v) => (v.length >= 10 ? null : t('form.passwordTooShort')),
      confirm: (v, all) => (v === all.newPassword ? null : t('profile.passwordMismatch')),
    },
  });
  const submit = form.onSubmit(({ currentPassword, newPassword }) =>
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          notifySuccess(t('profile.passwordChanged'));
          form.reset();
        },
        onError: (error) => form.setErrors(fieldErrors(error)),
      },
    ),
  );
  const toggle = { 'aria-label': t('signIn.showPassword') };
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="profile-password">
      <Title order={2} size="h4" id="profile-password" mb="sm">
        {t('profile.password')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormError error={change.error} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <PasswordInput
              label={t('profile.currentPassword')}
              autoComplete="current-password"
              required
              visibilityToggleButtonProps={toggle}
              {...form.getInputProps('currentPassword')}
            />
            <PasswordInput
              label={t('profile.newPassword')}
              description={t('profile.passwordRule')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              autoComplete="new-password"
              required
              visibilityToggleButtonProps={toggle}
              {...form.getInputProps('newPassword')}
            />
            <PasswordInput
              label={t('profile.confirmPassword')}
              autoComplete="new-password"
              required
              visibilityToggleButtonProps={toggle}
              {...form.getInputProps('confirm')}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" loading={change.isPending}>
              {t('profile.changePassword')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
