import { importPointsFile } from '../../server/modules/points/points.import.js';
import { csvImportCommand } from './import-employees.js';

/** `kyosei import points FILE.csv …`: point grants from the benefit system, idempotent by grant reference. */
export const registerImportPoints = csvImportCommand('points', 'points:cli.import', importPointsFile);
