import { Badge, Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { IconBuildingBank } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../components/data-table';
import { QueryState } from '../../components/feedback';
import { useFormat } from '../../i18n';
import { useYen } from './campaign-badges';
import { type Campaign, partnerName, useCompanyDonations } from './campaigns.api';
import { CompanyDonationModal } from './company-donation-modal';

/** The company's own donations to a campaign (for its managers), with the button to record one. */
export function CompanyDonationsTable({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const f = useFormat();
  const yen = useYen();
  const list = useCompanyDonations(campaign.id);
  const [recording, setRecording] = useState(false);
  const title = t('campaigns:companyDonations.title');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="company-donations-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="company-donations-title">
          {title}
        </Title>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconBuildingBank size={16} aria-hidden />}
          onClick={() => setRecording(true)}
          disabled={campaign.beneficiaries.length === 0}
        >
          {t('campaigns:companyDonations.record')}
        </Button>
      </Group>
      <QueryState
        query={list}
        isEmpty={(data) => data.items.length === 0}
        empty={
          <Text size="sm" c="dimmed">
            {t('campaigns:companyDonations.empty')}
          </Text>
        }
      >
        {(data) => (
          <ScrollTable minWidth={640} label={title}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('campaigns:companyDonations.donatedOn')}</Table.Th>
                  <Table.Th>{t('campaigns:companyDonations.company')}</Table.Th>
                  <Table.Th>{t('campaigns:companyDonations.partner')}</Table.Th>
                  <Table.Th ta="right">{t('campaigns:companyDonations.amount')}</Table.Th>
                  <Table.Th ta="right">{t('campaigns:companyDonations.valueJpy')}</Table.Th>
                  <Table.Th>{t('campaigns:companyDonations.note')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.date(d.donatedOn)}</Table.Td>
                    <Table.Td ff="monospace">{d.companyCode}</Table.Td>
                    <Table.Td>{partnerName(f.locale, d.partner)}</Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {f.money(d.amountMinor, d.currency)}
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {yen(d.valueJpy)}
                    </Table.Td>
                    <Table.Td>
                      {d.reversed && (
                        <Badge size="sm" variant="light" color="red" c="dark.7" mr={6}>
                          {t('campaigns:companyDonations.reversed')}
                        </Badge>
                      )}
                      {d.note}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
      </QueryState>
      {recording && <CompanyDonationModal campaign={campaign} onClose={() => setRecording(false)} />}
    </Paper>
  );
}
