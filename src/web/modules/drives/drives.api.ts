import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  COLLECTION_UNITS as CONTRACT_UNITS,
  CollectionItem,
  Drive,
  DriveCreate,
  DrivePage,
  DRIVE_STATUSES as CONTRACT_STATUSES,
  DriveSummary,
  DriveUpdate,
  ItemCreate,
  ItemUpdate,
  Report,
} from '../../../server/modules/drives/drives.schema';
import type { DriveResults, ItemResult } from '../../../server/modules/drives/drives.results.schema';
import { api } from '../../api/client';

export type {
  CollectionItem,
  Drive,
  DriveCreate,
  DriveResults,
  DriveSummary,
  DriveUpdate,
  ItemResult,
  Report,
};

// The contracts are imported as types only (the bundle must not pull in zod): the lists repeat
// their enums, and tsc checks below that they agree.
export const COLLECTION_UNITS = ['points', 'count', 'kg'] as const;
export const DRIVE_STATUSES = ['planned', 'open', 'closed'] as const;
export type CollectionUnit = (typeof COLLECTION_UNITS)[number];
export type DriveStatus = (typeof DRIVE_STATUSES)[number];
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const DRIVE_LISTS_MATCH: [
  Same<CollectionUnit, (typeof CONTRACT_UNITS)[number]>,
  Same<DriveStatus, (typeof CONTRACT_STATUSES)[number]>,
] = [true, true];

// Every key starts with 'drives': a report or an edit refreshes every drive view.
const KEY = 'drives';

export type DriveQuery = { status?: DriveStatus; reportable?: boolean; page?: number; size?: number };

export function useDrives(query: DriveQuery) {
  return useQuery({
    queryKey: [KEY, 'list', query],
    queryFn: () => api<DrivePage>('/api/drives', { query }),
    placeholderData: keepPreviousData,
  });
}

export function useDrive(id: string | null | undefined) {
  return useQuery({
    queryKey: [KEY, 'item', id],
    queryFn: () => api<Drive>(`/api/drives/${id}`),
    enabled: !!id,
  });
}

export function useDriveResults(id: string) {
  return useQuery({
    queryKey: [KEY, 'results', id],
    queryFn: () => api<DriveResults>(`/api/drives/${id}/results`),
  });
}

export function useDriveReports(id: string | null | undefined, siteId: string | null | undefined) {
  return useQuery({
    queryKey: [KEY, 'reports', id, siteId],
    queryFn: async () =>
      (await api<{ items: Report[] }>(`/api/drives/${id}/reports`, { query: { siteId } })).items,
    enabled: !!id && !!siteId,
  });
}

export function useSaveDrive() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: DriveCreate | DriveUpdate }) =>
      id
        ? api<Drive>(`/api/drives/${id}`, { method: 'PATCH', body })
        : api<Drive>('/api/drives', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
}

export function useDriveTransition() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'open' | 'close' }) =>
      api<Drive>(`/api/drives/${id}/${action}`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
}

export function useReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (r: {
      driveId: string;
      siteId: string;
      itemId: string;
      quantity: number;
      note?: string | null;
    }) =>
      api<Report>(`/api/drives/${r.driveId}/reports/${r.siteId}/${r.itemId}`, {
        method: 'PUT',
        body: { quantity: r.quantity, note: r.note || null },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
}

export function useCollectionItems(active?: boolean) {
  return useQuery({
    queryKey: [KEY, 'items', active],
    queryFn: async () =>
      (await api<{ items: CollectionItem[] }>('/api/collection-items', { query: { active } })).items,
  });
}

export function useSaveItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: ItemCreate | ItemUpdate }) =>
      id
        ? api<CollectionItem>(`/api/collection-items/${id}`, { method: 'PATCH', body })
        : api<CollectionItem>('/api/collection-items', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
}

/** Text in the UI language, else the other one. */
export const pickText = (locale: 'ja' | 'en', ja: string | null | undefined, en: string | null | undefined) =>
  (locale === 'ja' ? ja || en : en || ja) ?? '';

export const driveTitle = (locale: 'ja' | 'en', d: { titleJa: string | null; titleEn: string | null }) =>
  pickText(locale, d.titleJa, d.titleEn);

export const nameOf = (locale: 'ja' | 'en', r: { nameJa: string | null; nameEn: string | null }) =>
  pickText(locale, r.nameJa, r.nameEn);
