import { FileInput, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/client';
import { useMe } from '../../api/session';
import { notifySuccess } from '../../components/feedback';
import { FormModal } from '../../components/form-modal';
import { uploadFile, useAddPhoto, useAddTestimonial } from './records.api';

const text = (v: string) => v.trim() || null;

/** Records a quote: speaker and quote in ja/en, the day of consent (required) and the signed form. */
export function TestimonialModal({ programId, onClose }: { programId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const save = useAddTestimonial(programId);
  const [file, setFile] = useState<File | null>(null);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const form = useForm({
    initialValues: { speakerJa: '', speakerEn: '', quoteJa: '', quoteEn: '', consentOn: '' },
    validate: { consentOn: (v) => (v ? null : t('records:testimonials.consentRequired')) },
  });
  const submit = form.onSubmit(async (v) => {
    setUploadError(null);
    let consentFileId: string | undefined;
    try {
      if (file) consentFileId = (await uploadFile(file, 'consent_record', me.csrfToken ?? null)).id;
    } catch (e) {
      setUploadError(e);
      return;
    }
    save.mutate(
      {
        speakerJa: text(v.speakerJa),
        speakerEn: text(v.speakerEn),
        quoteJa: text(v.quoteJa),
        quoteEn: text(v.quoteEn),
        consentOn: v.consentOn,
        consentFileId,
      },
      {
        onSuccess: () => {
          notifySuccess(t('records:testimonials.saved'));
          onClose();
        },
        onError: (e) => form.setErrors(fieldErrors(e)),
      },
    );
  });
  return (
    <FormModal
      title={t('records:testimonials.add')}
      onClose={onClose}
      onSubmit={submit}
      error={uploadError ?? save.error}
      saving={save.isPending}
    >
      <TextInput label={t('records:testimonials.speakerJa')} {...form.getInputProps('speakerJa')} />
      <TextInput label={t('records:testimonials.speakerEn')} {...form.getInputProps('speakerEn')} />
      <Textarea
        label={t('records:testimonials.quoteJa')}
        autosize
        minRows={3}
        {...form.getInputProps('quoteJa')}
      />
      <Textarea
        label={t('records:testimonials.quoteEn')}
        autosize
        minRows={3}
        {...form.getInputProps('quoteEn')}
      />
      <TextInput
        type="date"
        required
        label={t('records:testimonials.consentOn')}
        description={t('records:testimonials.consentHelp')}
        {...form.getInputProps('consentOn')}
      />
      <FileInput
        label={t('records:testimonials.consentFile')}
        description={t('records:testimonials.consentFileHelp')}
        accept="application/pdf,image/jpeg,image/png,image/webp"
        clearable
        value={file}
        onChange={setFile}
        error={form.errors.consentFileId}
      />
    </FormModal>
  );
}

/** Uploads a photo (JPEG, PNG or WebP, at most 5 MB) with its caption and the day it was taken. */
export function PhotoModal({ programId, onClose }: { programId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const save = useAddPhoto(programId);
  const [file, setFile] = useState<File | null>(null);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [uploading, setUploading] = useState(false);
  const form = useForm({ initialValues: { captionJa: '', captionEn: '', takenOn: '' } });
  const submit = form.onSubmit(async (v) => {
    if (!file) return form.setFieldError('fileId', t('records:photos.fileRequired'));
    setUploadError(null);
    setUploading(true);
    let fileId: string;
    try {
      fileId = (await uploadFile(file, 'program_photo', me.csrfToken ?? null)).id;
    } catch (e) {
      setUploadError(e);
      return;
    } finally {
      setUploading(false);
    }
    save.mutate(
      { fileId, captionJa: text(v.captionJa), captionEn: text(v.captionEn), takenOn: v.takenOn || null },
      {
        onSuccess: () => {
          notifySuccess(t('records:photos.saved'));
          onClose();
        },
        onError: (e) => form.setErrors(fieldErrors(e)),
      },
    );
  });
  return (
    <FormModal
      title={t('records:photos.add')}
      onClose={onClose}
      onSubmit={submit}
      error={uploadError ?? save.error}
      saving={uploading || save.isPending}
    >
      <FileInput
        label={t('records:photos.file')}
        description={t('records:photos.fileHelp')}
        accept="image/jpeg,image/png,image/webp"
        required
        clearable
        value={file}
        onChange={setFile}
        error={form.errors.fileId}
      />
      <TextInput type="date" label={t('records:photos.takenOn')} {...form.getInputProps('takenOn')} />
      <TextInput label={t('records:photos.captionJa')} {...form.getInputProps('captionJa')} />
      <TextInput label={t('records:photos.captionEn')} {...form.getInputProps('captionEn')} />
    </FormModal>
  );
}
