import { ActionIcon, Button, Group, Modal, Text, Tooltip, type ButtonProps } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';

/**
 * A button for an action that cannot be undone in one click (revoke, delete): it asks first.
 * With `icon` it renders an icon-only button whose accessible name is `label`.
 */
export function ConfirmButton({
  label,
  title,
  message,
  confirmLabel,
  onConfirm,
  loading,
  icon,
  ...buttonProps
}: ButtonProps & {
  label: string;
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm: () => unknown;
  loading?: boolean;
  icon?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const confirm = async () => {
    try {
      await onConfirm();
    } finally {
      close();
    }
  };
  return (
    <>
      {icon ? (
        <Tooltip label={label}>
          <ActionIcon variant="subtle" color="red" aria-label={label} onClick={open}>
            {icon}
          </ActionIcon>
        </Tooltip>
      ) : (
        <Button variant="light" color="red" {...buttonProps} onClick={open}>
          {label}
        </Button>
      )}
      <Modal
        closeButtonProps={{ 'aria-label': t('common.close') }}
        opened={opened}
        onClose={close}
        title={title}
        centered
      >
        <Text mb="lg">{message}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={confirm} loading={loading}>
            {confirmLabel}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
