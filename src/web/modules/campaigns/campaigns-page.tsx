import { Button, Group, Paper, SimpleGrid } from '@mantine/core';
import { IconSettings } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../api/session';
import { Empty, Pager } from '../../components/data-table';
import { QueryState } from '../../components/feedback';
import { SearchBox, useSearchState } from '../../components/list-filters';
import { PageHeader } from '../../components/page-header';
import { useFormat } from '../../i18n';
import { CampaignCard } from './campaign-card';
import { useCampaigns } from './campaigns.api';
import type { CampaignsSearch } from './campaigns-search';

/** The open campaigns (disasters and causes) with their progress towards the goal. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const [search, update] = useSearchState<CampaignsSearch>();
  const { q, page = 1, size = 24 } = search;
  const list = useCampaigns({ status: 'open', q, page, size });
  return (
    <>
      <PageHeader
        title={t('campaigns:list.title')}
        description={
          list.data
            ? t('campaigns:list.count', { total: f.number(list.data.total) })
            : t('campaigns:list.description')
        }
        actions={
          can('campaigns.manage') && (
            <Button
              variant="default"
              leftSection={<IconSettings size={16} aria-hidden />}
              renderRoot={(props) => <Link to="/giving/campaigns/manage" {...props} />}
            >
              {t('campaigns:nav.manage')}
            </Button>
          )
        }
      />
      <Paper withBorder p="md">
        <Group mb="md">
          <SearchBox
            value={q}
            onSearch={(v) => update({ q: v })}
            placeholder={t('campaigns:list.searchPlaceholder')}
          />
        </Group>
        <QueryState
          query={list}
          isEmpty={(data) => data.items.length === 0}
          empty={
            <Empty
              title={t('campaigns:list.empty')}
              description={q ? t('common.emptyFiltered') : t('campaigns:list.emptyHelp')}
            />
          }
        >
          {(data) => (
            <>
              <SimpleGrid
                cols={{ base: 1, sm: 2, xl: 3 }}
                style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}
                aria-label={t('campaigns:list.results')}
                component="section"
              >
                {data.items.map((c) => (
                  <CampaignCard key={c.id} c={c} />
                ))}
              </SimpleGrid>
              <Pager page={page} size={size} total={data.total} onPage={(p) => update({ page: p })} />
            </>
          )}
        </QueryState>
      </Paper>
    </>
  );
}
