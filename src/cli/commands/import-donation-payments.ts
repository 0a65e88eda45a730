import { importDonationPaymentsFile } from '../../server/modules/giving/donations.import.js';
import { csvImportCommand } from './import-employees.js';

/** `kyosei import donation-payments FILE.csv …`: payment confirmations of money donations. */
export const registerImportDonationPayments = csvImportCommand(
  'donation-payments',
  'command.importDonationPayments',
  importDonationPaymentsFile,
);
