import { ActionIcon, Group, Tooltip } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from './confirm-button';
import { notifyError, notifySuccess } from './feedback';

/** Edit and delete icons for one table row; `name` names the row in their accessible labels. */
export function RowActions({
  name,
  onEdit,
  onDelete,
  deleteTitle,
  deleteMessage,
  deleting,
}: {
  name: string;
  onEdit: () => void;
  onDelete?: () => Promise<unknown>;
  deleteTitle?: string;
  deleteMessage?: string;
  deleting?: boolean;
}) {
  const { t } = useTranslation();
  const editLabel = t('common.editNamed', { name });
  return (
    <Group gap={4} wrap="nowrap">
      <Tooltip label={editLabel}>
        <ActionIcon variant="subtle" aria-label={editLabel} onClick={onEdit}>
          <IconPencil size={16} aria-hidden />
        </ActionIcon>
      </Tooltip>
      {onDelete && (
        <ConfirmButton
          icon={<IconTrash size={16} aria-hidden />}
          label={t('common.deleteNamed', { name })}
          title={deleteTitle ?? t('common.delete')}
          message={deleteMessage ?? ''}
          confirmLabel={t('common.delete')}
          loading={deleting}
          onConfirm={() =>
            onDelete().then(
              () => notifySuccess(t('common.deleted')),
              (error) => notifyError(error),
            )
          }
        />
      )}
    </Group>
  );
}
