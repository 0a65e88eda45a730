import { Anchor, Group, Tabs } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LoadError, QueryState } from '../../components/feedback';
import { PageHeader } from '../../components/page-header';
import { CertificationsTab } from '../certifications/certifications-tab';
import { CohortsTab } from '../program-records/cohorts-tab';
import { ProjectsTab } from '../program-records/projects-tab';
import { TestimonialsTab } from '../program-records/testimonials-tab';
import { SessionsTab } from '../program-sessions/sessions-tab';
import { SurveysTab } from '../surveys/surveys-tab';
import { ImpactTab } from '../evaluation/impact-tab';
import { ReviewsTab } from '../evaluation/reviews-tab';
import { ProgramHeader, ProgramOverview } from './program-overview';
import { useProgram } from './programs.api';

/**
 * One program: a tab per kind of record. The overview (description, classifications, partners,
 * figures per year) is this module's; every other tab renders a component of its own module
 * (records, sessions, certifications, evaluation), each adding ONE `<Tabs.Tab>` and its panel.
 */
export function ProgramPage() {
  const { t } = useTranslation();
  const { id } = useParams({ strict: false }) as { id: string };
  const program = useProgram(id);
  return (
    <>
      <Anchor
        renderRoot={(props) => <Link to="/programs" {...props} />}
        size="sm"
        mb="xs"
        display="inline-block"
      >
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden />
          {t('programs:detail.back')}
        </Group>
      </Anchor>
      {program.isError && !program.data ? (
        <>
          <PageHeader title={t('programs:detail.notFound')} />
          <LoadError error={program.error} onRetry={() => program.refetch()} />
        </>
      ) : (
        <QueryState query={program}>
          {(p) => (
            <>
              <ProgramHeader program={p} />
              <Tabs defaultValue="overview" keepMounted={false}>
                <Tabs.List mb="md" aria-label={t('programs:detail.tabs')}>
                  <Tabs.Tab value="overview">{t('programs:tabs.overview')}</Tabs.Tab>
                  <Tabs.Tab value="cohorts">{t('records:tabs.cohorts')}</Tabs.Tab>
                  <Tabs.Tab value="projects">{t('records:tabs.projects')}</Tabs.Tab>
                  <Tabs.Tab value="sessions">{t('sessions:tab.title')}</Tabs.Tab>
                  <Tabs.Tab value="surveys">{t('sessions:surveys.tab')}</Tabs.Tab>
                  <Tabs.Tab value="testimonials">{t('records:tabs.testimonials')}</Tabs.Tab>
                  <Tabs.Tab value="certifications">{t('certifications:tab.title')}</Tabs.Tab>
                  <Tabs.Tab value="reviews">{t('evaluation:reviews.tab')}</Tabs.Tab>
                  <Tabs.Tab value="impact">{t('evaluation:impact.tab')}</Tabs.Tab>
                </Tabs.List>
                <Tabs.Panel value="overview">
                  <ProgramOverview program={p} />
                </Tabs.Panel>
                <Tabs.Panel value="cohorts">
                  <CohortsTab programId={p.id} />
                </Tabs.Panel>
                <Tabs.Panel value="projects">
                  <ProjectsTab programId={p.id} />
                </Tabs.Panel>
                <Tabs.Panel value="sessions">
                  <SessionsTab program={p} />
                </Tabs.Panel>
                <Tabs.Panel value="surveys">
                  <SurveysTab programId={p.id} />
                </Tabs.Panel>
                <Tabs.Panel value="testimonials">
                  <TestimonialsTab programId={p.id} />
                </Tabs.Panel>
                <Tabs.Panel value="certifications">
                  <CertificationsTab programId={p.id} />
                </Tabs.Panel>
                <Tabs.Panel value="reviews">
                  <ReviewsTab programId={p.id} />
                </Tabs.Panel>
                <Tabs.Panel value="impact">
                  <ImpactTab programId={p.id} />
                </Tabs.Panel>
              </Tabs>
            </>
          )}
        </QueryState>
      )}
    </>
  );
}
