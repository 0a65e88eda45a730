import { Button, CopyButton, Group, Image, Modal, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCheck, IconCopy, IconMaximize } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/feedback';
import { useCheckinLink } from './participation.api';

/**
 * The shift's check-in QR code and link, for organisers: shown on a screen at the venue (full screen
 * on demand), employees scan it with their phone and check in with one button.
 */
export function CheckinCard({ shiftId, title }: { shiftId: string; title: string }) {
  const { t } = useTranslation();
  const link = useCheckinLink(shiftId);
  const [opened, { open, close }] = useDisclosure(false);
  const src = `/api/shifts/${shiftId}/checkin-qr.svg`;
  const alt = t('participation:checkinCard.qrAlt', { title });
  if (link.isError) return <LoadError error={link.error} onRetry={() => link.refetch()} />;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="checkin-card">
      <Group align="flex-start" gap="lg" wrap="wrap">
        <Image src={src} alt={alt} w={160} h={160} fit="contain" bg="white" />
        <Stack gap="sm" style={{ flex: 1, minWidth: 260 }}>
          <Title order={2} size="h4" id="checkin-card">
            {t('participation:checkinCard.title')}
          </Title>
          <Text size="sm">{t('participation:checkinCard.help')}</Text>
          <Group gap="xs" align="flex-end" wrap="nowrap">
            <TextInput
              label={t('participation:checkinCard.link')}
              value={link.data?.url ?? ''}
              readOnly
              style={{ flex: 1 }}
            />
            <CopyButton value={link.data?.url ?? ''}>
              {({ copied, copy }) => (
                <Button
                  variant="default"
                  onClick={copy}
                  disabled={!link.data}
                  leftSection={
                    copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />
                  }
                >
                  {copied ? t('common.copied') : t('common.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Group>
            <Button variant="light" leftSection={<IconMaximize size={16} aria-hidden />} onClick={open}>
              {t('participation:checkinCard.fullScreen')}
            </Button>
          </Group>
        </Stack>
      </Group>
      <Modal
        opened={opened}
        onClose={close}
        fullScreen
        title={title}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack align="center" gap="lg" py="lg">
          <Text fz={28} fw={700} ta="center">
            {t('participation:checkinCard.scan')}
          </Text>
          <Image src={src} alt={alt} w="min(80vh, 90vw)" h="min(80vh, 90vw)" fit="contain" bg="white" />
        </Stack>
      </Modal>
    </Paper>
  );
}
