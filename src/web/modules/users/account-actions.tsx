import { Button, Divider, Group, PasswordInput, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/client';
import type { UserAdmin } from '../../api/types';
import { useUserActions } from './users.api';
import { FormError, notifyError, notifySuccess } from '../../components/feedback';

/** Disable or enable an account, clear a lockout, set a new password. */
export function AccountActions({ user }: { user: UserAdmin }) {
  const { t } = useTranslation();
  const actions = useUserActions(user.id);
  const form = useForm({
    initialValues: { password: '' },
    validate: { password: (v) => (v.length >= 10 ? null : t('form.passwordTooShort')) },
  });
  const notify = (message: string) => ({
    onSuccess: () => notifySuccess(message),
    onError: (error: unknown) => notifyError(error),
  });
  const reset = form.onSubmit((v) =>
    actions.setPassword.mutate(v.password, {
      onSuccess: () => {
        notifySuccess(t('users.passwordReset'));
        form.reset();
      },
      onError: (error) => form.setErrors(fieldErrors(error)),
    }),
  );
  return (
    <Stack gap="sm">
      <Divider />
      <Title order={3} size="h5">
        {t('users.account')}
      </Title>
      <Group>
        <Button
          variant="default"
          loading={actions.update.isPending}
          onClick={() =>
            actions.update.mutate(
              { disabled: !user.disabled },
              notify(user.disabled ? t('users.enabledDone') : t('users.disabledDone')),
            )
          }
        >
          {user.disabled ? t('users.enable') : t('users.disable')}
        </Button>
        {user.locked && (
          <Button
            variant="default"
            onClick={() => actions.update.mutate({ unlock: true }, notify(t('users.unlocked')))}
          >
            {t('users.unlock')}
          </Button>
        )}
      </Group>
      <form onSubmit={reset} noValidate>
        <Stack gap="xs">
          <FormError error={actions.setPassword.error} />
          <Group align="flex-end">
            <PasswordInput
              label={t('users.newPassword')}
              autoComplete="new-password"
              visibilityToggleButtonProps={{ 'aria-label': t('signIn.showPassword') }}
              w={280}
              {...form.getInputProps('password')}
            />
            <Button type="submit" variant="default" loading={actions.setPassword.isPending}>
              {t('users.resetPassword')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
