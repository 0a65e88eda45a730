import { ActionIcon, Button, Group, Menu, Modal, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconDots, IconPencil, IconSend, IconX } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpportunityStatus } from '../../../shared/volunteering';
import { notifyError, notifySuccess } from '../../components/feedback';
import { useFormat } from '../../i18n';
import { type Transition, titleOf, useTransition } from './opportunities.api';

const NEXT: Record<OpportunityStatus, Transition[]> = {
  draft: ['publish', 'cancel'],
  published: ['complete', 'cancel'],
  cancelled: [],
  completed: [],
};
const ICONS = { publish: IconSend, complete: IconCheck, cancel: IconX };

type Props = {
  o: { id: string; status: OpportunityStatus; titleJa: string | null; titleEn: string | null };
  /** Icons and a menu for a table row, instead of buttons. */
  compact?: boolean;
};

/** Edit, publish, complete and cancel: what the opportunity's state allows, each confirmed first. */
export function OpportunityActions({ o, compact = false }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const transition = useTransition();
  const [asking, setAsking] = useState<Transition | null>(null);
  const title = titleOf(f.locale, o);
  const editable = o.status === 'draft' || o.status === 'published';
  const next = NEXT[o.status];
  const label = (a: Transition) => t(`opportunities:manage.${a}`);
  const confirm = async () => {
    if (!asking) return;
    try {
      await transition.mutateAsync({ id: o.id, action: asking });
      notifySuccess(
        t(
          `opportunities:manage.${asking === 'publish' ? 'published' : asking === 'cancel' ? 'cancelled' : 'completed'}`,
        ),
      );
    } catch (error) {
      notifyError(error);
    } finally {
      setAsking(null);
    }
  };
  const editLink = (props: Record<string, unknown>) => (
    <Link to="/opportunities/$id/edit" params={{ id: o.id }} {...props} />
  );
  return (
    <>
      {compact ? (
        <Group gap={4} wrap="nowrap">
          {editable && (
            <Tooltip label={t('common.editNamed', { name: title })}>
              <ActionIcon
                variant="subtle"
                aria-label={t('common.editNamed', { name: title })}
                renderRoot={editLink}
              >
                <IconPencil size={16} aria-hidden />
              </ActionIcon>
            </Tooltip>
          )}
          {next.length > 0 && (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={t('opportunities:manage.actionsFor', { title })}
                >
                  <IconDots size={16} aria-hidden />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                {next.map((a) => {
                  const Icon = ICONS[a];
                  return (
                    <Menu.Item
                      key={a}
                      color={a === 'cancel' ? 'red' : undefined}
                      leftSection={<Icon size={14} aria-hidden />}
                      onClick={() => setAsking(a)}
                    >
                      {label(a)}
                    </Menu.Item>
                  );
                })}
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
      ) : (
        <Group gap="xs" wrap="wrap">
          {editable && (
            <Button
              variant="default"
              leftSection={<IconPencil size={14} aria-hidden />}
              renderRoot={editLink}
            >
              {t('opportunities:manage.edit')}
            </Button>
          )}
          {next.map((a) => (
            <Button
              key={a}
              variant={a === 'cancel' ? 'light' : 'filled'}
              color={a === 'cancel' ? 'red' : undefined}
              onClick={() => setAsking(a)}
            >
              {label(a)}
            </Button>
          ))}
        </Group>
      )}
      <Modal
        opened={asking !== null}
        onClose={() => setAsking(null)}
        title={asking ? t(`opportunities:manage.${asking}Title`, { title }) : ''}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        centered
      >
        <Text mb="lg">{asking ? t(`opportunities:manage.${asking}Message`) : ''}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setAsking(null)}>
            {t('common.close')}
          </Button>
          <Button
            color={asking === 'cancel' ? 'red' : undefined}
            onClick={confirm}
            loading={transition.isPending}
          >
            {asking ? label(asking) : ''}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
