import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Cohort,
  CohortCreate,
  CohortUpdate,
  GRADUATE_KINDS as CONTRACT_GRADUATE_KINDS,
  Graduate,
  GraduateCreate,
  GraduateUpdate,
} from '../../../server/modules/programs/cohorts.schema';
import type {
  PROJECT_ITEM_KINDS as CONTRACT_ITEM_KINDS,
  PROJECT_ROLES as CONTRACT_ROLES,
  PROJECT_STATUSES as CONTRACT_STATUSES,
  Project,
  ProjectCreate,
  ProjectDetail,
  ProjectItem,
  ProjectItemCreate,
  ProjectItemUpdate,
  ProjectMembersPut,
  ProjectUpdate,
} from '../../../server/modules/programs/projects.schema';
import type {
  Photo,
  PhotoCreate,
  Testimonial,
  TestimonialCreate,
} from '../../../server/modules/programs/testimonials.schema';
import { ApiError, api, type Page, withQuery } from '../../api/client';
import { i18n } from '../../i18n';

export type {
  Cohort,
  CohortCreate,
  Graduate,
  GraduateCreate,
  Photo,
  Project,
  ProjectCreate,
  ProjectDetail,
  ProjectItem,
  ProjectItemCreate,
  Testimonial,
  TestimonialCreate,
};

// The contracts are imported as types only (the bundle must not pull in zod): the lists repeat
// their enums, and tsc checks below that they agree.
export const GRADUATE_KINDS = ['group', 'individual'] as const;
export const PROJECT_STATUSES = ['planned', 'active', 'completed', 'cancelled'] as const;
export const PROJECT_ROLES = ['leader', 'member', 'advisor'] as const;
export const PROJECT_ITEM_KINDS = ['milestone', 'deliverable', 'outcome'] as const;
export type GraduateKind = (typeof GRADUATE_KINDS)[number];
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export type ProjectRole = (typeof PROJECT_ROLES)[number];
export type ProjectItemKind = (typeof PROJECT_ITEM_KINDS)[number];

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const RECORD_LISTS_MATCH: [
  Same<GraduateKind, (typeof CONTRACT_GRADUATE_KINDS)[number]>,
  Same<ProjectStatus, (typeof CONTRACT_STATUSES)[number]>,
  Same<ProjectRole, (typeof CONTRACT_ROLES)[number]>,
  Same<ProjectItemKind, (typeof CONTRACT_ITEM_KINDS)[number]>,
] = [true, true, true, true];

// Every key starts with 'records'; a change also refreshes the program's figures ('programs').
const KEY = 'records';

function useRefresh() {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: [KEY] });
    await queryClient.invalidateQueries({ queryKey: ['programs'] });
  };
}

/** A mutation that refreshes the records (and the program's figures) when it succeeds. */
function useChange<I, O>(fn: (input: I) => Promise<O>) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: fn, onSuccess: refresh });
}

export function useCohorts(programId: string) {
  return useQuery({
    queryKey: [KEY, 'cohorts', programId],
    queryFn: () =>
      api<Page<Cohort> & { graduatesTotal: number }>(`/api/programs/${programId}/cohorts`, {
        query: { size: 200 },
      }),
  });
}

export type GraduateQuery = { q?: string; supported?: boolean; page?: number; size?: number };

export function useGraduates(cohortId: string | null, query: GraduateQuery) {
  return useQuery({
    queryKey: [KEY, 'graduates', cohortId, query],
    queryFn: () => api<Page<Graduate>>(`/api/cohorts/${cohortId}/graduates`, { query }),
    enabled: !!cohortId,
    placeholderData: keepPreviousData,
  });
}

export const useSaveCohort = (programId: string) =>
  useChange((v: { id?: string; body: CohortCreate | CohortUpdate }) =>
    v.id
      ? api<Cohort>(`/api/cohorts/${v.id}`, { method: 'PATCH', body: v.body })
      : api<Cohort>(`/api/programs/${programId}/cohorts`, { method: 'POST', body: v.body }),
  );
export const useDeleteCohort = () =>
  useChange((id: string) => api<void>(`/api/cohorts/${id}`, { method: 'DELETE' }));

export const useSaveGraduate = (cohortId: string) =>
  useChange((v: { id?: string; body: GraduateCreate | GraduateUpdate }) =>
    v.id
      ? api<Graduate>(`/api/graduates/${v.id}`, { method: 'PATCH', body: v.body })
      : api<Graduate>(`/api/cohorts/${cohortId}/graduates`, { method: 'POST', body: v.body }),
  );
export const useDeleteGraduate = () =>
  useChange((id: string) => api<void>(`/api/graduates/${id}`, { method: 'DELETE' }));

export type ProjectQuery = { fiscalYear?: number; status?: ProjectStatus; page?: number; size?: number };

export function useProjects(programId: string, query: ProjectQuery) {
  return useQuery({
    queryKey: [KEY, 'projects', programId, query],
    queryFn: () => api<Page<Project>>(`/api/programs/${programId}/projects`, { query }),
    placeholderData: keepPreviousData,
  });
}

export function useProject(id: string | null) {
  return useQuery({
    queryKey: [KEY, 'project', id],
    queryFn: () => api<ProjectDetail>(`/api/projects/${id}`),
    enabled: !!id,
  });
}

export const useSaveProject = (programId: string) =>
  useChange((v: { id?: string; body: ProjectCreate | ProjectUpdate }) =>
    v.id
      ? api<ProjectDetail>(`/api/projects/${v.id}`, { method: 'PATCH', body: v.body })
      : api<ProjectDetail>(`/api/programs/${programId}/projects`, { method: 'POST', body: v.body }),
  );
export const useSetTeam = (projectId: string) =>
  useChange((body: ProjectMembersPut) =>
    api<ProjectDetail>(`/api/projects/${projectId}/members`, { method: 'PUT', body }),
  );
export const useSaveItem = (projectId: string) =>
  useChange((v: { id?: string; body: ProjectItemCreate | ProjectItemUpdate }) =>
    v.id
      ? api<ProjectItem>(`/api/project-items/${v.id}`, { method: 'PATCH', body: v.body })
      : api<ProjectItem>(`/api/projects/${projectId}/items`, { method: 'POST', body: v.body }),
  );
export const useDeleteItem = () =>
  useChange((id: string) => api<void>(`/api/project-items/${id}`, { method: 'DELETE' }));

export function useTestimonials(programId: string, query: { page?: number; size?: number }) {
  return useQuery({
    queryKey: [KEY, 'testimonials', programId, query],
    queryFn: () => api<Page<Testimonial>>(`/api/programs/${programId}/testimonials`, { query }),
    placeholderData: keepPreviousData,
  });
}
export const useAddTestimonial = (programId: string) =>
  useChange((body: TestimonialCreate) =>
    api<Testimonial>(`/api/programs/${programId}/testimonials`, { method: 'POST', body }),
  );
export const useDeleteTestimonial = () =>
  useChange((id: string) => api<void>(`/api/testimonials/${id}`, { method: 'DELETE' }));

export function usePhotos(programId: string, query: { page?: number; size?: number }) {
  return useQuery({
    queryKey: [KEY, 'photos', programId, query],
    queryFn: () => api<Page<Photo>>(`/api/programs/${programId}/photos`, { query }),
    placeholderData: keepPreviousData,
  });
}
export const useAddPhoto = (programId: string) =>
  useChange((body: PhotoCreate) => api<Photo>(`/api/programs/${programId}/photos`, { method: 'POST', body }));
export const useDeletePhoto = () =>
  useChange((id: string) => api<void>(`/api/photos/${id}`, { method: 'DELETE' }));

async function problem(res: Response): Promise<ApiError> {
  const body = await res.json().catch(() => null);
  return new ApiError(
    body?.code
      ? { ...body, status: res.status, fields: body.fields ?? [] }
      : {
          status: res.status,
          code: 'internal',
          detail: i18n.t('failure.http', { status: res.status }),
          fields: [],
        },
  );
}

const headers = (csrfToken: string | null, contentType: string) => ({
  accept: 'application/json',
  'accept-language': i18n.language === 'en' ? 'en' : 'ja',
  'content-type': contentType,
  ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}),
});

const network = () =>
  new ApiError({ status: 0, code: 'network', detail: i18n.t('failure.network'), fields: [] });

/** Uploads a file (a program photo or a signed consent form); refusals become ApiError. */
export async function uploadFile(
  file: File,
  purpose: 'program_photo' | 'consent_record',
  csrfToken: string | null,
): Promise<{ id: string; name: string }> {
  const res = await fetch(withQuery('/api/files', { name: file.name, purpose }), {
    method: 'POST',
    credentials: 'same-origin',
    headers: headers(csrfToken, file.type || 'application/octet-stream'),
    body: file,
  }).catch(() => {
    throw network();
  });
  if (!res.ok) throw await problem(res);
  return res.json();
}
