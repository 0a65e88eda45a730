import { Button, Group, Paper } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../api/session';
import { Empty, Pager } from '../../components/data-table';
import { QueryState } from '../../components/feedback';
import { AgreementForm } from './agreement-form';
import { type Agreement, useAgreements } from './agreements.api';
import { AgreementsTable } from './agreements-table';

/** The agreements a partner is party to (the partner page's tab), newest first. */
export function PartnerAgreements({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation();
  const canManage = useCan()('partners.manage');
  const [page, setPage] = useState(1);
  const list = useAgreements({ partnerId, page, size: 25, sort: '-startsOn' });
  const [editing, setEditing] = useState<Agreement | 'new' | null>(null);
  return (
    <Paper withBorder p="md">
      {canManage && (
        <Group justify="flex-end" mb="md">
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
            {t('partners:agreements.create')}
          </Button>
        </Group>
      )}
      <QueryState
        query={list}
        isEmpty={(data) => data.items.length === 0}
        empty={
          <Empty title={t('partners:agreements.empty')} description={t('partners:agreements.emptyHelp')} />
        }
      >
        {(data) => (
          <>
            <AgreementsTable
              items={data.items}
              onEdit={canManage ? setEditing : undefined}
              dimmed={list.isPlaceholderData}
            />
            {data.total > 25 && <Pager page={page} size={25} total={data.total} onPage={setPage} />}
          </>
        )}
      </QueryState>
      {editing && (
        <AgreementForm
          agreement={editing === 'new' ? null : editing}
          partnerId={partnerId}
          onClose={() => setEditing(null)}
        />
      )}
    </Paper>
  );
}
