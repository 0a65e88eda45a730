import { Anchor, Badge, Button, Grid, Paper, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../api/session';
import { Empty, ScrollTable } from '../../components/data-table';
import { notifyError, notifySuccess, QueryState } from '../../components/feedback';
import { PageHeader } from '../../components/page-header';
import { useFormat } from '../../i18n';
import { GuidelineDraftEditor, GuidelineView } from './guideline-details';
import { useCreateGuideline, useGuideline, useGuidelines } from './screening.api';
import { pick, STATUS_COLOR } from './screening-text';

/**
 * The selection policy and guidelines as versions of a checklist: the active one screeners use,
 * retired ones kept for the screenings made against them, and a draft that guidelines.manage edits
 * and publishes.
 */
export function GuidelinesPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const canManage = useCan()('guidelines.manage');
  const list = useGuidelines();
  const create = useCreateGuideline();
  const [chosen, setChosen] = useState<string | null>(null);
  const items = list.data?.items ?? [];
  const draft = items.find((g) => g.status === 'draft');
  const selectedId =
    chosen && items.some((g) => g.id === chosen)
      ? chosen
      : (draft ?? items.find((g) => g.status === 'active') ?? items[0])?.id;
  const selected = useGuideline(selectedId);
  const startDraft = () =>
    create.mutateAsync({}).then((g) => {
      setChosen(g.id);
      notifySuccess(t('screening:guidelines.created', { version: g.version }));
    }, notifyError);
  return (
    <>
      <PageHeader
        title={t('screening:guidelines.title')}
        description={
          <>
            {t('screening:guidelines.description')}{' '}
            <Anchor component={Link} to="/partners" size="sm" underline="always">
              {t('screening:nav.partners')}
            </Anchor>
          </>
        }
        actions={
          canManage &&
          !draft && (
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={startDraft}
              loading={create.isPending}
            >
              {items.length ? t('screening:guidelines.newVersion') : t('screening:guidelines.first')}
            </Button>
          )
        }
      />
      <QueryState
        query={list}
        isEmpty={(d) => d.items.length === 0}
        empty={
          <Empty title={t('screening:guidelines.empty')} description={t('screening:guidelines.emptyHelp')} />
        }
      >
        {(data) => (
          <Grid>
            <Grid.Col span={{ base: 12, lg: 4 }}>
              <Paper withBorder p="md">
                <Title order={2} size="h5" mb="sm">
                  {t('screening:guidelines.versions')}
                </Title>
                <ScrollTable minWidth={320} label={t('screening:guidelines.versions')}>
                  <Table highlightOnHover>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('screening:guidelines.version')}</Table.Th>
                        <Table.Th>{t('screening:guidelines.status')}</Table.Th>
                        <Table.Th ta="right">{t('screening:guidelines.screenings')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {data.items.map((g) => (
                        <Table.Tr
                          key={g.id}
                          bg={g.id === selectedId ? 'var(--mantine-color-indigo-0)' : undefined}
                        >
                          <Table.Td>
                            <Anchor
                              component="button"
                              type="button"
                              onClick={() => setChosen(g.id)}
                              aria-current={g.id === selectedId ? 'true' : undefined}
                            >
                              {t('screening:guidelines.versionN', { version: g.version })}
                            </Anchor>
                            <Text size="xs" c="dimmed">
                              {g.publishedAt
                                ? f.date(g.publishedAt.slice(0, 10))
                                : f.date(g.createdAt.slice(0, 10))}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <Badge color={STATUS_COLOR[g.status]} variant="light" c="dark.7">
                              {t(`screening:guidelineStatus.${g.status}`)}
                            </Badge>
                          </Table.Td>
                          <Table.Td ta="right">{f.number(g.screeningCount)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollTable>
              </Paper>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 8 }}>
              <QueryState query={selected}>
                {(g) => (
                  <Paper withBorder p="md">
                    <Title order={2} size="h4" mb="md">
                      {t('screening:guidelines.versionTitle', {
                        version: g.version,
                        title: pick(f.locale, g.titleJa, g.titleEn),
                      })}
                    </Title>
                    {g.status === 'draft' && canManage ? (
                      <GuidelineDraftEditor key={g.id} guideline={g} onDiscarded={() => setChosen(null)} />
                    ) : (
                      <GuidelineView guideline={g} />
                    )}
                  </Paper>
                )}
              </QueryState>
            </Grid.Col>
          </Grid>
        )}
      </QueryState>
    </>
  );
}
