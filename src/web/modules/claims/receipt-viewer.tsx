import { Alert, Anchor, Button, Group, Image, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconCheck, IconDownload, IconExternalLink, IconInfoCircle, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../components/feedback';
import { useFormat } from '../../i18n';
import { titleIn } from '../participation/participation-badges';
import { ClaimBadge } from './claim-badge';
import { type Claim, receiptUrl, useDecideClaim } from './claims.api';
import { useFileSize } from './receipt-input';

const IMAGES = new Set(['image/jpeg', 'image/png', 'image/webp']);

/** A claim with its receipt beside it, and the approve and reject buttons when the caller may decide. */
export function ReceiptViewer({
  claim,
  onReject,
  onClose,
}: {
  claim: Claim;
  onReject: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const decide = useDecideClaim();
  const name = f.name(claim.employee);
  const approve = () =>
    decide.mutate(
      { id: claim.id, action: 'approve' },
      {
        onSuccess: () => {
          notifySuccess(t('claims:approvals.approved', { name }));
          onClose();
        },
        onError: (error) => notifyError(error),
      },
    );
  const facts: [string, React.ReactNode][] = [
    [
      t('claims:columns.employee'),
      `${name} (${claim.employee.employeeNumber} · ${claim.employee.companyCode})`,
    ],
    [t('claims:columns.activity'), `${titleIn(f.locale, claim.activity)} · ${f.date(claim.activity.date)}`],
    [t('claims:columns.route'), claim.route],
    [t('claims:columns.points'), t('claims:points', { points: f.number(claim.points) })],
    [t('claims:form.note'), claim.note ?? '—'],
    [t('claims:columns.submitted'), f.dateTime(claim.createdAt)],
  ];
  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={t('claims:approvals.viewTitle', { name })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Receipt claim={claim} />
        <Stack gap="sm">
          <ClaimBadge status={claim.status} />
          <dl style={{ margin: 0 }}>
            {facts.map(([label, value]) => (
              <div key={label} style={{ marginBottom: 8 }}>
                <Text component="dt" size="xs" c="dimmed">
                  {label}
                </Text>
                <Text component="dd" size="sm" m={0} style={{ whiteSpace: 'pre-wrap' }}>
                  {value}
                </Text>
              </div>
            ))}
          </dl>
          {claim.status === 'pending' && !claim.canDecide && (
            <Alert color="blue" icon={<IconInfoCircle aria-hidden />}>
              {t('claims:approvals.own')}
            </Alert>
          )}
          {claim.canDecide && (
            <Group>
              <Button
                color="teal.9"
                leftSection={<IconCheck size={16} aria-hidden />}
                loading={decide.isPending}
                onClick={approve}
              >
                {t('claims:approvals.approve')}
              </Button>
              <Button
                variant="light"
                color="red"
                leftSection={<IconX size={16} aria-hidden />}
                onClick={onReject}
              >
                {t('claims:approvals.reject')}
              </Button>
            </Group>
          )}
        </Stack>
      </SimpleGrid>
    </Modal>
  );
}

/** The receipt itself: an image shown, a PDF framed, anything else (HEIC) to download. */
function Receipt({ claim }: { claim: Claim }) {
  const { t } = useTranslation();
  const size = useFileSize();
  const [broken, setBroken] = useState(false);
  const receipt = claim.receipt;
  if (!receipt) return <Text c="dimmed">{t('claims:approvals.noReceipt')}</Text>;
  const url = receiptUrl(claim.id);
  const shown = !broken && (IMAGES.has(receipt.contentType) || receipt.contentType === 'application/pdf');
  return (
    <Stack gap="xs">
      {shown && receipt.contentType === 'application/pdf' ? (
        <iframe src={url} title={receipt.name} style={{ width: '100%', height: 480, border: 0 }} />
      ) : shown ? (
        <Image src={url} alt={receipt.name} mah={480} fit="contain" onError={() => setBroken(true)} />
      ) : (
        <Alert color="gray" icon={<IconInfoCircle aria-hidden />}>
          {t('claims:approvals.cannotShow')}
        </Alert>
      )}
      <Group gap="md">
        <Text size="xs" c="dimmed">
          {receipt.name} · {size(receipt.size)}
        </Text>
        <Anchor href={url} target="_blank" rel="noopener" size="sm">
          <Group gap={4} wrap="nowrap">
            <IconExternalLink size={14} aria-hidden />
            {t('claims:approvals.openTab')}
          </Group>
        </Anchor>
        <Anchor href={receiptUrl(claim.id, true)} size="sm" download={receipt.name}>
          <Group gap={4} wrap="nowrap">
            <IconDownload size={14} aria-hidden />
            {t('claims:approvals.download')}
          </Group>
        </Anchor>
      </Group>
    </Stack>
  );
}
