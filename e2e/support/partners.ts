import type { ApiSession } from './session.js';

// Partners through the API: eligibility is never typed in, so a test that needs an eligible
// organisation screens it against the active guidelines, as a CSR manager would.

type Guideline = { id: string; criteria: { id: string; code: string }[] };
type Screening = { id: string; items: { criterion: { id: string; code: string } }[] };

/** The active selection guidelines: the demo's, else a small version published for this run. */
export async function activeGuideline(csr: ApiSession): Promise<Guideline> {
  const list = await csr.call<{ items: { id: string }[] }>('GET', '/api/screening/guidelines?status=active');
  if (list.items[0]) return csr.call<Guideline>('GET', `/api/screening/guidelines/${list.items[0].id}`);
  const drafts = await csr.call<{ items: { id: string }[] }>('GET', '/api/screening/guidelines?status=draft');
  const draft =
    drafts.items[0] ??
    (await csr.call<{ id: string }>('POST', '/api/screening/guidelines', {
      titleJa: '支援先選定ガイドライン',
      titleEn: 'Partner selection guidelines',
    }));
  await csr.call('PUT', `/api/screening/guidelines/${draft.id}/criteria`, {
    items: [
      { code: 'LEGAL_ENTITY', textJa: '法人格を有する', textEn: 'Is a legal entity', required: true },
      {
        code: 'ANTI_SOCIAL',
        textJa: '反社会的勢力でない',
        textEn: 'No ties with anti-social forces',
        required: true,
      },
    ],
  });
  return csr.call<Guideline>('POST', `/api/screening/guidelines/${draft.id}/publish`);
}

/** Screens a partner and passes it (every criterion yes, with evidence): it is eligible from now on. */
export async function screenAsPassed(csr: ApiSession, partnerId: string): Promise<void> {
  await activeGuideline(csr);
  const screening = await csr.call<Screening>('POST', `/api/partners/${partnerId}/screenings`, {});
  for (const item of screening.items)
    await csr.call('PUT', `/api/screenings/${screening.id}/answers/${item.criterion.id}`, {
      answer: 'yes',
      evidence: `${item.criterion.code}: checked for the e2e run`,
    });
  await csr.call('POST', `/api/screenings/${screening.id}/decide`, { result: 'passed' });
}
