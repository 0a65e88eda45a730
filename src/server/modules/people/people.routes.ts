import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { pageOf } from '../../lib/pagination.js';
import {
  EmployeeCreateSchema,
  EmployeeListQuerySchema,
  EmployeeParamsSchema,
  EmployeeSchema,
  EmployeeUpdateSchema,
} from './people.schema.js';
import {
  createEmployee,
  getEmployee,
  getOwnEmployee,
  listEmployees,
  updateEmployee,
} from './people.service.js';

/** Employees: search and upkeep by HR administrators, and each person's own record. */
export async function peopleRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['employees'];

  app.get(
    '/api/employees',
    {
      schema: {
        tags,
        summary: 'Search employees by number, name, kana reading or e-mail; filter and page',
        querystring: EmployeeListQuerySchema,
        response: { 200: pageOf(EmployeeSchema) },
      },
      config: { permission: 'people.read' },
    },
    async (req) => listEmployees(req.ctx, req.query),
  );
  app.post(
    '/api/employees',
    {
      schema: {
        tags,
        summary: 'Add an employee',
        body: EmployeeCreateSchema,
        response: { 201: EmployeeSchema },
      },
      config: { permission: 'people.manage' },
    },
    async (req, reply) => reply.code(201).send(await createEmployee(req.ctx, req.body)),
  );
  app.get(
    '/api/employees/:id',
    {
      schema: {
        tags,
        summary: 'One employee',
        params: EmployeeParamsSchema,
        response: { 200: EmployeeSchema },
      },
      config: { permission: 'people.read' },
    },
    async (req) => getEmployee(req.ctx, req.params.id),
  );
  app.patch(
    '/api/employees/:id',
    {
      schema: {
        tags,
        summary: 'Change an employee (status, dates, company, site, department, names)',
        params: EmployeeParamsSchema,
        body: EmployeeUpdateSchema,
        response: { 200: EmployeeSchema },
      },
      config: { permission: 'people.manage' },
    },
    async (req) => updateEmployee(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/api/me/employee',
    {
      schema: {
        tags,
        summary: 'Your own employee record',
        response: { 200: EmployeeSchema },
      },
      config: { permission: 'self.read' },
    },
    async (req) => getOwnEmployee(req.ctx),
  );
}
