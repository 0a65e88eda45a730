import { importRegistrationsFile } from '../../server/modules/volunteering/registrations.import.js';
import { csvImportCommand } from './import-employees.js';

/** `kyosei import registrations FILE.csv …`: past volunteer registrations with their dates. */
export const registerImportRegistrations = csvImportCommand(
  'registrations',
  'command.importRegistrations',
  importRegistrationsFile,
);
