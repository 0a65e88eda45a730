import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/client';
import { Empty, ScrollTable } from '../../components/data-table';
import { FormError, LoadError, notifySuccess, PageLoader } from '../../components/feedback';
import { useFormat } from '../../i18n';
import {
  inLocale,
  PARTNER_ROLES,
  type PartnerRole,
  type Program,
  useEligiblePartners,
  useSaveProgramPartners,
} from './programs.api';

/** The partners the program works with and their role; managers change the list in a dialog. */
export function ProgramPartnersSection({ program: p }: { program: Program }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [editing, setEditing] = useState(false);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="program-partners">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="program-partners">
          {t('programs:partners.title')}
        </Title>
        {p.canManage && (
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPencil size={14} aria-hidden />}
            onClick={() => setEditing(true)}
          >
            {t('programs:partners.edit')}
          </Button>
        )}
      </Group>
      {p.partners.length === 0 ? (
        <Empty title={t('programs:partners.empty')} />
      ) : (
        <ScrollTable minWidth={560} label={t('programs:partners.title')}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('programs:partners.partner')}</Table.Th>
                <Table.Th>{t('programs:partners.kind')}</Table.Th>
                <Table.Th>{t('programs:partners.role')}</Table.Th>
                <Table.Th>{t('programs:partners.eligible')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.partners.map((x) => (
                <Table.Tr key={x.partnerId}>
                  <Table.Td>
                    {inLocale(f.locale, x.nameJa, x.nameEn)}{' '}
                    <Text span size="xs" c="dimmed" ff="monospace">
                      {x.code}
                    </Text>
                  </Table.Td>
                  <Table.Td>{t(`programs:partnerKind.${x.kind}`, { defaultValue: x.kind })}</Table.Td>
                  <Table.Td>{t(`programs:role.${x.role}`)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={x.eligible ? 'teal' : 'yellow'} c="dark.7">
                      {x.eligible ? t('programs:partners.eligibleYes') : t('programs:partners.eligibleNo')}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      {editing && <PartnersModal program={p} onClose={() => setEditing(false)} />}
    </Paper>
  );
}

/** A row of the dialog; `key` keeps React's identity of a row while others are removed. */
type Row = { key: string; partnerId: string | null; role: PartnerRole };
const newKey = () => crypto.randomUUID();

function PartnersModal({ program: p, onClose }: { program: Program; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const eligible = useEligiblePartners();
  const save = useSaveProgramPartners();
  const [rows, setRows] = useState<Row[]>(
    p.partners.map((x) => ({ key: newKey(), partnerId: x.partnerId, role: x.role })),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  // A partner already on the program stays selectable even when its screening has lapsed.
  const options = [
    ...(eligible.data ?? []).map((x) => ({
      value: x.id,
      label: `${inLocale(f.locale, x.nameJa, x.nameEn)} (${x.code})`,
    })),
    ...p.partners
      .filter((x) => !eligible.data?.some((e) => e.id === x.partnerId))
      .map((x) => ({
        value: x.partnerId,
        label: `${inLocale(f.locale, x.nameJa, x.nameEn)} (${x.code}) — ${t('programs:partners.eligibleNo')}`,
      })),
  ];
  const set = (i: number, patch: Partial<Row>) =>
    setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const submit = () => {
    const filled = rows.filter((r) => r.partnerId);
    const items = filled.map((r) => ({ partnerId: r.partnerId as string, role: r.role }));
    save.mutate(
      { id: p.id, body: { items } },
      {
        onSuccess: () => {
          notifySuccess(t('programs:partners.saved'));
          onClose();
        },
        // The server names items by their place in the list sent: back to the dialog's rows.
        onError: (error) =>
          setErrors(
            Object.fromEntries(
              Object.entries(fieldErrors(error)).map(([path, m]) => [
                filled[Number(path.split('.')[1])]?.key ?? path,
                m,
              ]),
            ),
          ),
      },
    );
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('programs:partners.edit')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {eligible.isPending ? (
        <PageLoader />
      ) : eligible.isError ? (
        <LoadError error={eligible.error} onRetry={() => eligible.refetch()} />
      ) : (
        <Stack>
          <FormError error={save.error} />
          <Text size="sm" c="dimmed">
            {t('programs:partners.help')}
          </Text>
          {rows.map((r, i) => (
            <Group key={r.key} align="flex-start" wrap="nowrap">
              <Select
                flex={1}
                label={t('programs:partners.partner')}
                searchable
                data={options.filter(
                  (o) => o.value === r.partnerId || !rows.some((x) => x.partnerId === o.value),
                )}
                value={r.partnerId}
                onChange={(v) => set(i, { partnerId: v })}
                error={errors[r.key]}
              />
              <Select
                w={160}
                label={t('programs:partners.role')}
                allowDeselect={false}
                data={PARTNER_ROLES.map((k) => ({ value: k, label: t(`programs:role.${k}`) }))}
                value={r.role}
                onChange={(v) => set(i, { role: (v as PartnerRole) ?? 'partner' })}
              />
              <ActionIcon
                mt={26}
                variant="subtle"
                color="red"
                aria-label={t('programs:partners.remove')}
                onClick={() => setRows(rows.filter((_, j) => j !== i))}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
          <Group justify="space-between">
            <Button
              variant="subtle"
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setRows([...rows, { key: newKey(), partnerId: null, role: 'partner' }])}
            >
              {t('programs:partners.add')}
            </Button>
            <Group>
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button onClick={submit} loading={save.isPending}>
                {t('common.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
