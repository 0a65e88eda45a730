import {
  Alert,
  Anchor,
  Grid,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Tabs,
  Text,
  TextInput,
} from '@mantine/core';
import { IconInfoCircle, IconSparkles } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PREFECTURES } from '../../../shared/prefectures';
import { Empty, Pager } from '../../components/data-table';
import { QueryState } from '../../components/feedback';
import { SearchBox, useSearchState } from '../../components/list-filters';
import { PageHeader } from '../../components/page-header';
import { useFormat } from '../../i18n';
import { useMyRegistration, useSkills } from '../volunteering/registrations.api';
import { CalendarFeedCard } from './calendar-feed-card';
import { OpportunityCard } from './opportunity-card';
import { FIELDS, OPPORTUNITY_MODES, type OpportunityQuery, useOpportunities } from './opportunities.api';
import type { OpportunitiesSearch } from './opportunities-search';
import { todayIn } from './zoned-time';

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Finding volunteering: a text search (Japanese or English), filters for field, mode, days, place and
 * skill, and a "recommended for you" tab ranked by the volunteer profile. Everything lives in the URL.
 * Without a start day the list shows what has not ended yet.
 */
export function OpportunitiesPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const [search, update] = useSearchState<OpportunitiesSearch>();
  const {
    tab = 'all',
    q,
    field,
    mode,
    from,
    to,
    prefecture,
    region,
    skill,
    past,
    page = 1,
    size = 24,
  } = search;
  const recommended = tab === 'recommended';
  const today = useMemo(() => todayIn(Intl.DateTimeFormat().resolvedOptions().timeZone), []);
  const query: OpportunityQuery = recommended
    ? { recommended: true, page, size }
    : {
        q,
        field,
        mode,
        from: from ?? (past ? undefined : today),
        to,
        prefecture,
        region,
        skill,
        status: past ? 'completed' : undefined,
        page,
        size,
        sort: past ? '-firstStartsAt' : undefined,
      };
  const list = useOpportunities(query);
  const filtered = !!(q || field || mode || from || to || prefecture || region || skill);

  return (
    <>
      <PageHeader
        title={t('opportunities:list.title')}
        description={
          list.data
            ? t(list.data.totalExact ? 'opportunities:list.count' : 'opportunities:list.countMore', {
                total: f.number(list.data.total),
              })
            : t('opportunities:list.description')
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 9 }}>
          <Tabs
            value={tab}
            onChange={(v) => update({ tab: v === 'recommended' ? 'recommended' : undefined })}
            mb="md"
          >
            <Tabs.List aria-label={t('opportunities:list.tabs')}>
              <Tabs.Tab value="all">{t('opportunities:list.tabAll')}</Tabs.Tab>
              <Tabs.Tab value="recommended" leftSection={<IconSparkles size={16} aria-hidden />}>
                {t('opportunities:list.tabRecommended')}
              </Tabs.Tab>
            </Tabs.List>
          </Tabs>
          <Paper withBorder p="md">
            {recommended ? <RecommendedIntro /> : <Filters search={search} update={update} />}
            <QueryState
              query={list}
              isEmpty={(data) => data.items.length === 0}
              empty={
                recommended ? (
                  <Empty
                    title={t('opportunities:list.emptyRecommended')}
                    description={t('opportunities:list.emptyRecommendedHelp')}
                  />
                ) : (
                  <Empty
                    title={t('opportunities:list.empty')}
                    description={filtered ? t('common.emptyFiltered') : t('opportunities:list.emptyHelp')}
                  />
                )
              }
            >
              {(data) => (
                <>
                  <SimpleGrid
                    cols={{ base: 1, sm: 2, xl: 3 }}
                    style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}
                    aria-label={t('opportunities:list.results')}
                    component="section"
                  >
                    {data.items.map((o) => (
                      <OpportunityCard key={o.id} o={o} />
                    ))}
                  </SimpleGrid>
                  <Pager page={page} size={size} total={data.total} onPage={(p) => update({ page: p })} />
                </>
              )}
            </QueryState>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 3 }}>
          <CalendarFeedCard />
        </Grid.Col>
      </Grid>
    </>
  );
}

/** How recommendations are ranked, and a nudge to fill in the profile when there is none. */
function RecommendedIntro() {
  const { t } = useTranslation();
  const registration = useMyRegistration();
  const missing =
    registration.data === null || (registration.data !== 'no_employee' && registration.data?.leftOn);
  return (
    <Stack gap="sm" mb="md">
      <Text size="sm" c="dimmed">
        {t('opportunities:list.recommendedHelp')}
      </Text>
      {missing && (
        <Alert color="blue" icon={<IconInfoCircle aria-hidden />}>
          <Stack gap={4} align="flex-start">
            <span>{t('opportunities:list.noProfile')}</span>
            <Anchor renderRoot={(props) => <Link to="/volunteering/profile" {...props} />} size="sm">
              {t('opportunities:list.noProfileLink')}
            </Anchor>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}

function Filters({
  search,
  update,
}: {
  search: OpportunitiesSearch;
  update: (patch: Partial<OpportunitiesSearch>) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const skills = useSkills();
  const prefectures = PREFECTURES.map((p) => ({ value: p.code, label: f.name(p) }));
  const date = (key: 'from' | 'to') => (
    <TextInput
      type="date"
      label={t(`opportunities:list.${key}`)}
      value={search[key] ?? ''}
      onChange={(e) => {
        const v = e.currentTarget.value;
        if (!v || DATE_PATTERN.test(v)) update({ [key]: v || undefined });
      }}
      w={160}
    />
  );
  return (
    <Stack gap="sm" mb="md">
      <Group align="flex-end" wrap="wrap">
        <SearchBox
          value={search.q}
          onSearch={(v) => update({ q: v })}
          placeholder={t('opportunities:list.searchPlaceholder')}
          w={300}
        />
        <Select
          label={t('opportunities:list.field')}
          placeholder={t('common.all')}
          clearable
          data={FIELDS.map((x) => ({ value: x, label: t(`field.${x}`) }))}
          value={search.field ?? null}
          onChange={(v) => update({ field: (v as OpportunitiesSearch['field']) ?? undefined })}
          w={220}
        />
        <Select
          label={t('opportunities:list.mode')}
          placeholder={t('common.all')}
          clearable
          data={OPPORTUNITY_MODES.map((x) => ({ value: x, label: t(`opportunities:mode.${x}`) }))}
          value={search.mode ?? null}
          onChange={(v) => update({ mode: (v as OpportunitiesSearch['mode']) ?? undefined })}
          w={200}
        />
      </Group>
      <Group align="flex-end" wrap="wrap">
        {date('from')}
        {date('to')}
        <Select
          label={t('opportunities:list.prefecture')}
          placeholder={t('common.all')}
          clearable
          searchable
          data={prefectures}
          value={search.prefecture ?? null}
          onChange={(v) => update({ prefecture: v ?? undefined })}
          w={160}
        />
        <SearchBox
          label={t('opportunities:list.region')}
          value={search.region}
          onSearch={(v) => update({ region: v })}
          w={180}
        />
        <Select
          label={t('opportunities:list.skill')}
          placeholder={t('common.all')}
          clearable
          searchable
          data={(skills.data ?? []).map((s) => ({ value: s.code, label: f.name(s) }))}
          value={search.skill ?? null}
          onChange={(v) => update({ skill: v ?? undefined })}
          w={200}
        />
        <Switch
          label={t('opportunities:list.past')}
          checked={!!search.past}
          onChange={(e) => update({ past: e.currentTarget.checked || undefined })}
          mb={8}
        />
      </Group>
    </Stack>
  );
}
