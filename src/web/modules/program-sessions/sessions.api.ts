import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  PARTICIPANT_KINDS as CONTRACT_KINDS,
  SESSION_KINDS as CONTRACT_SESSION_KINDS,
  Session,
  SessionCreate,
  SessionDetail,
  SessionUpdate,
} from '../../../server/modules/programs/sessions.schema';
import { api, type Page } from '../../api/client';

export type { Session, SessionCreate, SessionDetail, SessionUpdate };

// The contracts are imported as types only (the bundle must not pull in zod); tsc checks the lists agree.
export const PARTICIPANT_KINDS = [
  'students',
  'guardians',
  'teachers',
  'employees',
  'public',
  'organisations',
  'other',
] as const;
export const SESSION_KINDS = ['class', 'workshop', 'event', 'dialogue', 'meeting', 'other'] as const;
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];
export type SessionKind = (typeof SESSION_KINDS)[number];
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const SESSION_LISTS_MATCH: [
  Same<ParticipantKind, (typeof CONTRACT_KINDS)[number]>,
  Same<SessionKind, (typeof CONTRACT_SESSION_KINDS)[number]>,
] = [true, true];

export type SessionQuery = { fiscalYear?: number; kind?: SessionKind; page?: number; size?: number };

const KEY = 'program-sessions';

export function useSessions(programId: string, query: SessionQuery) {
  return useQuery({
    queryKey: [KEY, programId, query],
    queryFn: () => api<Page<Session>>(`/api/programs/${programId}/sessions`, { query }),
    placeholderData: keepPreviousData,
  });
}

export function useSession(id: string | null) {
  return useQuery({
    queryKey: [KEY, 'item', id],
    queryFn: () => api<SessionDetail>(`/api/sessions/${id}`),
    enabled: !!id,
  });
}

/** Refreshes the sessions and the program's figures (sessions feed them). */
function useRefresh() {
  const client = useQueryClient();
  return async () => {
    await client.invalidateQueries({ queryKey: [KEY] });
    await client.invalidateQueries({ queryKey: ['programs'] });
  };
}

export function useSaveSession(programId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (v: { id?: string; body: SessionCreate }) =>
      v.id
        ? api<SessionDetail>(`/api/sessions/${v.id}`, { method: 'PATCH', body: v.body as SessionUpdate })
        : api<SessionDetail>(`/api/programs/${programId}/sessions`, { method: 'POST', body: v.body }),
    onSuccess: refresh,
  });
}

export function useDeleteSession() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/sessions/${id}`, { method: 'DELETE' }),
    onSuccess: refresh,
  });
}
