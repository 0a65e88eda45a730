import { Blockquote, Button, Card, Group, Image, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconFileImport, IconPhotoPlus, IconPlus, IconQuote } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../api/session';
import { ConfirmButton } from '../../components/confirm-button';
import { Empty, Pager } from '../../components/data-table';
import { notifyError, notifySuccess, QueryState } from '../../components/feedback';
import { useFormat } from '../../i18n';
import { useDeletePhoto, useDeleteTestimonial, usePhotos, useTestimonials } from './records.api';
import { RecordsImportModal } from './cohort-dialogs';
import { PhotoModal, TestimonialModal } from './testimonial-dialogs';

/** A program's testimonials (published with their speakers' consent) and photos. */
export function TestimonialsTab({ programId }: { programId: string }) {
  return (
    <Stack>
      <TestimonialsSection programId={programId} />
      <PhotosSection programId={programId} />
    </Stack>
  );
}

function TestimonialsSection({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const canManage = useCan()('programs.manage');
  const [page, setPage] = useState(1);
  const [size, setSize] = useState(25);
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const list = useTestimonials(programId, { page, size });
  const remove = useDeleteTestimonial();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="testimonials-heading">
      <Group justify="space-between" mb="md">
        <Title order={3} size="h4" id="testimonials-heading">
          {t('records:testimonials.title')}
        </Title>
        {canManage && (
          <Group gap="xs">
            <Button
              variant="default"
              leftSection={<IconFileImport size={16} aria-hidden />}
              onClick={() => setImporting(true)}
            >
              {t('records:import.testimonials.button')}
            </Button>
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
              {t('records:testimonials.add')}
            </Button>
          </Group>
        )}
      </Group>
      <QueryState
        query={list}
        isEmpty={(d) => d.items.length === 0}
        empty={
          <Empty title={t('records:testimonials.none')} description={t('records:testimonials.noneHelp')} />
        }
      >
        {(data) => (
          <Stack>
            {data.items.map((q) => (
              <Blockquote
                key={q.id}
                icon={<IconQuote size={20} aria-hidden />}
                p="md"
                cite={q.speaker ? `— ${q.speaker}` : undefined}
              >
                <Text size="sm">{q.quote}</Text>
                <Group justify="space-between" mt="xs" wrap="wrap">
                  <Text size="xs" c="dimmed">
                    {q.fiscalYearLabel} ·{' '}
                    {t('records:testimonials.consentOnShort', { date: f.date(q.consentOn) })}
                    {q.consentFileId && ` · ${t('records:testimonials.consentFileKept')}`}
                  </Text>
                  {canManage && (
                    <ConfirmButton
                      size="compact-xs"
                      label={t('records:testimonials.remove')}
                      title={t('records:testimonials.removeTitle')}
                      message={t('records:testimonials.removeMessage')}
                      confirmLabel={t('common.delete')}
                      loading={remove.isPending}
                      onConfirm={() =>
                        remove.mutateAsync(q.id).then(
                          () => notifySuccess(t('common.deleted')),
                          (e) => notifyError(e),
                        )
                      }
                    />
                  )}
                </Group>
              </Blockquote>
            ))}
            <Pager
              page={page}
              size={size}
              total={data.total}
              onPage={setPage}
              onSize={(n) => {
                setSize(n);
                setPage(1);
              }}
            />
          </Stack>
        )}
      </QueryState>
      {adding && <TestimonialModal programId={programId} onClose={() => setAdding(false)} />}
      {importing && (
        <RecordsImportModal programId={programId} kind="testimonials" onClose={() => setImporting(false)} />
      )}
    </Paper>
  );
}

function PhotosSection({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const canManage = useCan()('programs.manage');
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const list = usePhotos(programId, { page, size: 24 });
  const remove = useDeletePhoto();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="photos-heading">
      <Group justify="space-between" mb="md">
        <Title order={3} size="h4" id="photos-heading">
          {t('records:photos.title')}
        </Title>
        {canManage && (
          <Button leftSection={<IconPhotoPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
            {t('records:photos.add')}
          </Button>
        )}
      </Group>
      <QueryState
        query={list}
        isEmpty={(d) => d.items.length === 0}
        empty={<Empty title={t('records:photos.none')} />}
      >
        {(data) => (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
              {data.items.map((p) => (
                <Card key={p.id} withBorder padding="xs">
                  <Card.Section>
                    <Image src={p.imageUrl} alt={p.caption || p.name} h={180} fit="cover" loading="lazy" />
                  </Card.Section>
                  <Text size="sm" mt="xs">
                    {p.caption}
                  </Text>
                  <Group justify="space-between" mt={4}>
                    <Text size="xs" c="dimmed">
                      {p.takenOn ? f.date(p.takenOn) : p.fiscalYearLabel}
                    </Text>
                    {canManage && (
                      <ConfirmButton
                        size="compact-xs"
                        label={t('records:photos.remove')}
                        title={t('records:photos.removeTitle')}
                        message={t('records:photos.removeMessage')}
                        confirmLabel={t('common.delete')}
                        loading={remove.isPending}
                        onConfirm={() =>
                          remove.mutateAsync(p.id).then(
                            () => notifySuccess(t('common.deleted')),
                            (e) => notifyError(e),
                          )
                        }
                      />
                    )}
                  </Group>
                </Card>
              ))}
            </SimpleGrid>
            <Pager page={page} size={24} total={data.total} onPage={setPage} />
          </>
        )}
      </QueryState>
      {adding && <PhotoModal programId={programId} onClose={() => setAdding(false)} />}
    </Paper>
  );
}
