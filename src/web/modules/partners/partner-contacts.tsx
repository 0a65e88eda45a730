import { Anchor, Badge, Button, Group, Paper, Switch, Table, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/client';
import { useCan } from '../../api/session';
import { Empty, ScrollTable } from '../../components/data-table';
import { notifySuccess, QueryState } from '../../components/feedback';
import { FormModal } from '../../components/form-modal';
import { RowActions } from '../../components/row-actions';
import { type Contact, useContacts, useSaveContact } from './partners.api';

type Values = { name: string; title: string; email: string; phone: string; isPrimary: boolean };
const orNull = (v: string) => v.trim() || null;

function ContactForm({
  partnerId,
  contact,
  onClose,
}: {
  partnerId: string;
  contact: Contact | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveContact(partnerId);
  const form = useForm<Values>({
    initialValues: {
      name: contact?.name ?? '',
      title: contact?.title ?? '',
      email: contact?.email ?? '',
      phone: contact?.phone ?? '',
      isPrimary: contact?.isPrimary ?? false,
    },
    validate: {
      name: (v) => (v.trim() ? null : t('form.required')),
      email: (v) =>
        !v.trim() || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v.trim()) ? null : t('partners:contacts.emailInvalid'),
      phone: (v) =>
        !v.trim() || /^\+?[0-9()\- ]{6,30}$/.test(v.trim()) ? null : t('partners:contacts.phoneInvalid'),
    },
  });
  const submit = form.onSubmit((v) =>
    save.mutate(
      {
        id: contact?.id,
        body: {
          name: v.name.trim(),
          title: orNull(v.title),
          email: orNull(v.email),
          phone: orNull(v.phone),
          isPrimary: v.isPrimary,
        },
      },
      {
        onSuccess: () => {
          notifySuccess(t('common.savedNamed', { name: v.name.trim() }));
          onClose();
        },
        onError: (error) => form.setErrors(fieldErrors(error)),
      },
    ),
  );
  return (
    <FormModal
      title={contact ? t('partners:contacts.edit') : t('partners:contacts.add')}
      onClose={onClose}
      onSubmit={submit}
      error={save.error}
      saving={save.isPending}
    >
      <TextInput
        label={t('partners:contacts.name')}
        required
        data-autofocus
        {...form.getInputProps('name')}
      />
      <TextInput label={t('partners:contacts.title')} {...form.getInputProps('title')} />
      <TextInput label={t('partners:contacts.email')} type="email" {...form.getInputProps('email')} />
      <TextInput label={t('partners:contacts.phone')} type="tel" {...form.getInputProps('phone')} />
      <Switch
        label={t('partners:contacts.primary')}
        description={t('partners:contacts.primaryHelp')}
        {...form.getInputProps('isPrimary', { type: 'checkbox' })}
      />
    </FormModal>
  );
}

/** The people to talk to at a partner (the partner page's tab), the main contact first. */
export function PartnerContacts({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation();
  const canManage = useCan()('partners.manage');
  const list = useContacts(partnerId);
  const remove = useSaveContact(partnerId);
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);
  return (
    <Paper withBorder p="md">
      {canManage && (
        <Group justify="flex-end" mb="md">
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
            {t('partners:contacts.add')}
          </Button>
        </Group>
      )}
      <QueryState
        query={list}
        isEmpty={(data) => data.items.length === 0}
        empty={<Empty title={t('partners:contacts.empty')} description={t('partners:contacts.emptyHelp')} />}
      >
        {(data) => (
          <ScrollTable minWidth={700} label={t('partners:detail.contacts')}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('partners:contacts.name')}</Table.Th>
                  <Table.Th>{t('partners:contacts.title')}</Table.Th>
                  <Table.Th>{t('partners:contacts.email')}</Table.Th>
                  <Table.Th>{t('partners:contacts.phone')}</Table.Th>
                  {canManage && <Table.Th>{t('common.actions')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      <Group gap="xs">
                        {c.name}
                        {c.isPrimary && (
                          <Badge variant="light" size="sm" c="dark.7">
                            {t('partners:contacts.primary')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>{c.title ?? ''}</Table.Td>
                    <Table.Td>
                      {c.email && (
                        <Anchor href={`mailto:${c.email}`} size="sm">
                          {c.email}
                        </Anchor>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {c.phone && (
                        <Anchor href={`tel:${c.phone}`} size="sm">
                          {c.phone}
                        </Anchor>
                      )}
                    </Table.Td>
                    {canManage && (
                      <Table.Td>
                        <RowActions
                          name={c.name}
                          onEdit={() => setEditing(c)}
                          onDelete={() => remove.mutateAsync({ id: c.id, body: null })}
                          deleteTitle={t('partners:contacts.deleteTitle')}
                          deleteMessage={t('partners:contacts.deleteMessage', { name: c.name })}
                          deleting={remove.isPending}
                        />
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
      </QueryState>
      {editing && (
        <ContactForm
          partnerId={partnerId}
          contact={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Paper>
  );
}
