import { ActionIcon, Button, Group, Menu, Modal, Text, Tooltip } from '@mantine/core';
import { IconBuildingBank, IconDots, IconLock, IconPencil, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../components/feedback';
import { useFormat } from '../../i18n';
import {
  type Campaign,
  type CampaignTransition,
  campaignTitle,
  useCampaignTransition,
} from './campaigns.api';

/** Edit, open, close and record a company donation, for one row of the manage list; transitions asked first. */
export function CampaignActions({
  c,
  onEdit,
  onRecord,
}: {
  c: Campaign;
  onEdit: () => void;
  onRecord: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const transition = useCampaignTransition();
  const [asking, setAsking] = useState<CampaignTransition | null>(null);
  const title = campaignTitle(f.locale, c);
  const next: CampaignTransition | null =
    c.status === 'draft' ? 'open' : c.status === 'open' ? 'close' : null;
  const confirm = async () => {
    if (!asking) return;
    try {
      await transition.mutateAsync({ id: c.id, action: asking });
      notifySuccess(t(`campaigns:manage.${asking}Done`, { title }));
    } catch (error) {
      notifyError(error);
    } finally {
      setAsking(null);
    }
  };
  if (!c.canManage) return null;
  return (
    <>
      <Group gap={4} wrap="nowrap">
        {c.status !== 'closed' && (
          <Tooltip label={t('common.editNamed', { name: title })}>
            <ActionIcon variant="subtle" aria-label={t('common.editNamed', { name: title })} onClick={onEdit}>
              <IconPencil size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
        )}
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={t('campaigns:manage.actionsFor', { title })}
            >
              <IconDots size={16} aria-hidden />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            {next && (
              <Menu.Item
                leftSection={
                  next === 'open' ? <IconSend size={14} aria-hidden /> : <IconLock size={14} aria-hidden />
                }
                onClick={() => setAsking(next)}
              >
                {t(`campaigns:manage.${next}`)}
              </Menu.Item>
            )}
            <Menu.Item
              leftSection={<IconBuildingBank size={14} aria-hidden />}
              onClick={onRecord}
              disabled={c.beneficiaries.length === 0}
            >
              {t('campaigns:companyDonations.record')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
      <Modal
        opened={asking !== null}
        onClose={() => setAsking(null)}
        title={asking ? t(`campaigns:manage.${asking}Title`, { title }) : ''}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        centered
      >
        <Text mb="lg">{asking ? t(`campaigns:manage.${asking}Message`) : ''}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setAsking(null)}>
            {t('common.cancel')}
          </Button>
          <Button onClick={confirm} loading={transition.isPending}>
            {asking ? t(`campaigns:manage.${asking}`) : ''}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
