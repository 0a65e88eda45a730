import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  BeneficiariesSchema,
  CampaignCreateSchema,
  CampaignListQuerySchema,
  CampaignPageSchema,
  CampaignParamsSchema,
  CampaignSchema,
  CampaignUpdateSchema,
  CompanyDonationCreateSchema,
  CompanyDonationListQuerySchema,
  CompanyDonationPageSchema,
  CompanyDonationSchema,
} from './campaigns.schema.js';
import {
  closeCampaign,
  createCampaign,
  getCampaign,
  listCampaigns,
  openCampaign,
  setBeneficiaries,
  updateCampaign,
} from './campaigns.service.js';
import { listCompanyDonations, recordCompanyDonation } from './company-donations.service.js';

/** Donation campaigns (disasters and causes) with their live totals, and the company's own donations. */
export async function campaignsRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['campaigns'];

  app.get(
    '/api/campaigns',
    {
      schema: {
        tags,
        summary: 'Campaigns with their totals: open ones for everyone, all of those you manage',
        querystring: CampaignListQuerySchema,
        response: { 200: CampaignPageSchema },
      },
      config: { permission: 'campaigns.read' },
    },
    async (req) => listCampaigns(req.ctx, req.query),
  );
  app.post(
    '/api/campaigns',
    {
      schema: {
        tags,
        summary: 'Create a campaign (as a draft) with its beneficiaries',
        body: CampaignCreateSchema,
        response: { 201: CampaignSchema },
      },
      config: { permission: 'campaigns.manage' },
    },
    async (req, reply) => reply.code(201).send(await createCampaign(req.ctx, req.body)),
  );
  app.get(
    '/api/campaigns/:id',
    {
      schema: {
        tags,
        summary: 'One campaign with its beneficiaries and totals read from the ledger',
        params: CampaignParamsSchema,
        response: { 200: CampaignSchema },
      },
      config: { permission: 'campaigns.read' },
    },
    async (req) => getCampaign(req.ctx, req.params.id),
  );
  app.patch(
    '/api/campaigns/:id',
    {
      schema: {
        tags,
        summary: 'Change a draft or open campaign',
        params: CampaignParamsSchema,
        body: CampaignUpdateSchema,
        response: { 200: CampaignSchema },
      },
      config: { permission: 'campaigns.manage' },
    },
    async (req) => updateCampaign(req.ctx, req.params.id, req.body),
  );
  app.put(
    '/api/campaigns/:id/beneficiaries',
    {
      schema: {
        tags,
        summary: 'Replace the beneficiary organisations (eligible and active), in order',
        params: CampaignParamsSchema,
        body: BeneficiariesSchema,
        response: { 200: CampaignSchema },
      },
      config: { permission: 'campaigns.manage' },
    },
    async (req) => setBeneficiaries(req.ctx, req.params.id, req.body.partnerIds),
  );
  const transitions = [
    ['open', 'Open a draft for donations', openCampaign],
    ['close', 'Close an open campaign: no more donations', closeCampaign],
  ] as const;
  for (const [action, summary, run] of transitions) {
    app.post(
      `/api/campaigns/:id/${action}`,
      {
        schema: { tags, summary, params: CampaignParamsSchema, response: { 200: CampaignSchema } },
        config: { permission: 'campaigns.manage' },
      },
      async (req) => run(req.ctx, req.params.id),
    );
  }
  app.post(
    '/api/company-donations',
    {
      schema: {
        tags,
        summary: 'Record and post the company’s own donation (once per idempotency key)',
        body: CompanyDonationCreateSchema,
        response: { 201: CompanyDonationSchema },
      },
      config: { permission: 'campaigns.manage' },
    },
    async (req, reply) => reply.code(201).send(await recordCompanyDonation(req.ctx, req.body)),
  );
  app.get(
    '/api/company-donations',
    {
      schema: {
        tags,
        summary: 'The company donations of the companies you manage, newest first',
        querystring: CompanyDonationListQuerySchema,
        response: { 200: CompanyDonationPageSchema },
      },
      config: { permission: 'campaigns.manage' },
    },
    async (req) => listCompanyDonations(req.ctx, req.query),
  );
}
