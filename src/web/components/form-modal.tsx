import { Button, Group, Modal, SimpleGrid, Stack } from '@mantine/core';
import type { FormEventHandler, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from './feedback';

/** A create-or-edit form in a modal: the server's error, the fields in two columns, Cancel and Save. */
export function FormModal({
  title,
  onClose,
  onSubmit,
  error,
  saving,
  children,
}: {
  title: string;
  onClose: () => void;
  onSubmit: FormEventHandler<HTMLFormElement>;
  /** The save's error (its field messages show under the inputs). */
  error: unknown;
  saving: boolean;
  /** The fields. */
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened
      onClose={onClose}
      title={title}
      size="lg"
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <FormError error={error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>{children}</SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
