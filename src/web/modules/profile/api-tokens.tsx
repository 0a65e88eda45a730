import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  ActionIcon,
  CopyButton,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconKey, IconTrash, IconCheck, IconCopy } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, fieldErrors } from '../../api/client';
import type { ApiToken, ApiTokenCreated } from '../../api/types';
import { ConfirmButton } from '../../components/confirm-button';
import { useFormat } from '../../i18n';
import { ScrollTable } from '../../components/data-table';
import { FormError, QueryState, notifyError } from '../../components/feedback';

const KEY = ['me', 'tokens'];

/** Personal API tokens: create (the secret is shown once), list, revoke. */
export function ApiTokens() {
  const { t } = useTranslation();
  const f = useFormat();
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<ApiTokenCreated | null>(null);
  const tokens = useQuery({ queryKey: KEY, queryFn: () => api<{ items: ApiToken[] }>('/api/me/tokens') });
  const create = useMutation({
    mutationFn: (body: { name: string; expiresInDays?: number }) =>
      api<ApiTokenCreated>('/api/me/tokens', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api<void>(`/api/me/tokens/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
  const form = useForm<{ name: string; expiresInDays: number | string }>({
    initialValues: { name: '', expiresInDays: 90 },
    validate: { name: (v) => (v.trim() ? null : t('form.required')) },
  });
  const submit = form.onSubmit((v) =>
    create.mutate(
      { name: v.name.trim(), expiresInDays: v.expiresInDays === '' ? undefined : Number(v.expiresInDays) },
      {
        onSuccess: (token) => {
          setCreated(token);
          form.reset();
        },
        onError: (e) => form.setErrors(fieldErrors(e)),
      },
    ),
  );
  const state = (k: ApiToken) =>
    k.revokedAt
      ? t('tokens.revoked')
      : k.expiresAt && new Date(k.expiresAt) < new Date()
        ? t('tokens.expired')
        : null;

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="profile-tokens">
      <Title order={2} size="h4" id="profile-tokens" mb={4}>
        {t('tokens.title')}
      </Title>
      <Text size="sm" mb="md">
        {t('tokens.description')}
      </Text>
      {created && (
        <Alert
          color="teal"
          icon={<IconKey aria-hidden />}
          title={t('tokens.createdTitle', { name: created.name })}
          mb="md"
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setCreated(null)}
        >
          <Text size="sm" mb="xs">
            {t('tokens.createdOnce')}
          </Text>
          <CopyField value={created.token} label={t('tokens.secret')} />
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <Stack gap="xs" mb="md">
          <FormError error={create.error} />
          <Group align="flex-start">
            <TextInput
              label={t('tokens.name')}
              placeholder={t('tokens.namePlaceholder')}
              required
              w={280}
              {...form.getInputProps('name')}
            />
            <NumberInput
              label={t('tokens.expiresInDays')}
              description={t('tokens.expiresHelp')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              min={1}
              max={3650}
              allowDecimal={false}
              w={200}
              {...form.getInputProps('expiresInDays')}
            />
            <Button type="submit" mt={24} loading={create.isPending}>
              {t('tokens.create')}
            </Button>
          </Group>
        </Stack>
      </form>
      <QueryState
        query={tokens}
        isEmpty={(data) => data.items.length === 0}
        empty={<Text size="sm">{t('tokens.none')}</Text>}
      >
        {(data) => (
          <ScrollTable minWidth={640} label={t('tokens.title')}>
            <Table withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('tokens.name')}</Table.Th>
                  <Table.Th>{t('tokens.prefix')}</Table.Th>
                  <Table.Th>{t('tokens.createdAt')}</Table.Th>
                  <Table.Th>{t('tokens.expiresAt')}</Table.Th>
                  <Table.Th>{t('tokens.lastUsedAt')}</Table.Th>
                  <Table.Th>{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((k) => (
                  <Table.Tr key={k.id}>
                    <Table.Td>{k.name}</Table.Td>
                    <Table.Td>
                      <Code>{k.prefix}…</Code>
                    </Table.Td>
                    <Table.Td>{f.dateTime(k.createdAt)}</Table.Td>
                    <Table.Td>{k.expiresAt ? f.dateTime(k.expiresAt) : t('tokens.never')}</Table.Td>
                    <Table.Td>{k.lastUsedAt ? f.dateTime(k.lastUsedAt) : t('tokens.notUsed')}</Table.Td>
                    <Table.Td>
                      {state(k) ? (
                        <Badge variant="outline" color="gray.8">
                          {state(k)}
                        </Badge>
                      ) : (
                        <ConfirmButton
                          icon={<IconTrash size={16} aria-hidden />}
                          label={t('tokens.revokeNamed', { name: k.name })}
                          title={t('tokens.revokeTitle')}
                          message={t('tokens.revokeMessage', { name: k.name })}
                          confirmLabel={t('tokens.revoke')}
                          loading={revoke.isPending}
                          onConfirm={() => revoke.mutateAsync(k.id).catch((e) => notifyError(e))}
                        />
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
      </QueryState>
    </Paper>
  );
}

/** A read-only value with a copy button (for a secret shown once). */
export function CopyField({ value, label }: { value: string; label: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      <TextInput
        label={label}
        value={value}
        readOnly
        ff="monospace"
        style={{ flex: 1 }}
        onFocus={(e) => e.currentTarget.select()}
      />
      <CopyButton value={value} timeout={2000}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t('common.copied') : t('common.copy')}>
            <ActionIcon
              variant={copied ? 'filled' : 'default'}
              color={copied ? 'teal.9' : undefined}
              size="lg"
              onClick={copy}
              aria-label={copied ? t('common.copied') : t('common.copy')}
            >
              {copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
