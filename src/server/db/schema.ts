export * from '../modules/organisations/organisations.table.js';
export * from '../modules/people/people.table.js';
export * from '../modules/auth/auth.table.js';
export * from '../modules/audit/audit.table.js';
export * from '../modules/volunteering/volunteering.table.js';
export * from '../modules/notifications/notifications.table.js';
