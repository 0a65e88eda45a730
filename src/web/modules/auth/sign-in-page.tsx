import {
  Alert,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle } from '@tabler/icons-react';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldErrors } from '../../api/client';
import { useSignIn } from '../../api/session';
import { LanguageSwitch } from '../../components/header-controls';
import classes from './sign-in-page.module.css';

const route = getRouteApi('/sign-in');

/** E-mail and password; the server's message (wrong password, locked account) shows above the form. */
export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { redirect } = route.useSearch();
  const signIn = useSignIn();
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (v) => (/^\S+@\S+$/.test(v.trim()) ? null : t('signIn.emailInvalid')),
      password: (v) => (v ? null : t('signIn.passwordRequired')),
    },
  });

  const submit = form.onSubmit((values) =>
    signIn.mutate(
      { email: values.email.trim(), password: values.password },
      {
        onSuccess: () => void navigate({ to: redirect ?? '/' }),
        onError: (error) => {
          form.setErrors(fieldErrors(error));
          form.setFieldValue('password', '');
        },
      },
    ),
  );

  return (
    <div className={classes.page}>
      <header className={classes.top}>
        <Text fw={800} fz="lg" c="indigo.9">
          {t('app.name')}
        </Text>
        <LanguageSwitch size="sm" />
      </header>
      <Center component="main" className={classes.main}>
        <Paper withBorder shadow="sm" p="xl" radius="md" w={400} maw="100%">
          <form onSubmit={submit} noValidate>
            <Stack>
              <div>
                <Title order={1} size="h2">
                  {t('signIn.title')}
                </Title>
                <Text size="sm" c="dimmed" mt={4}>
                  {t('signIn.subtitle')}
                </Text>
              </div>
              {signIn.isError && (
                <Alert color="red" icon={<IconAlertCircle aria-hidden />} role="alert">
                  {errorMessage(signIn.error)}
                </Alert>
              )}
              <TextInput
                label={t('signIn.email')}
                type="email"
                autoComplete="username"
                required
                autoFocus
                {...form.getInputProps('email')}
              />
              <PasswordInput
                label={t('signIn.password')}
                autoComplete="current-password"
                required
                visibilityToggleButtonProps={{ 'aria-label': t('signIn.showPassword') }}
                {...form.getInputProps('password')}
              />
              <Group justify="flex-end">
                <Button type="submit" loading={signIn.isPending} fullWidth>
                  {t('signIn.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      </Center>
      <footer className={classes.footer}>
        <Text size="xs" c="dimmed">
          {t('signIn.footer')}
        </Text>
      </footer>
    </div>
  );
}
