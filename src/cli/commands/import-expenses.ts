import { importExpensesFile } from '../../server/modules/accounting/expenses.import.js';
import { csvImportCommand } from './import-employees.js';

/** `kyosei import expenses FILE.csv [--dry-run]`: expenses from accounting, idempotent by external_ref. */
export const registerImportExpenses = csvImportCommand(
  'expenses',
  'command.importExpenses',
  importExpensesFile,
);
