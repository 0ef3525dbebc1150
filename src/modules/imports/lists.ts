import { importErrors } from '../../db/schema';
import { pageWindow, type PagingArgs } from '../pagination/arguments';
import type { ChildList } from '../pagination/lists';
import { importErrorList } from './store';

/** The arguments of `Import.errors`. */
export type ImportErrorsArgs = Readonly<Record<string, unknown>> & PagingArgs;

/** `Import.errors`: the bad rows, by line. */
export const IMPORT_ERRORS: ChildList<typeof importErrors, ImportErrorsArgs> = {
  relation: 'Import.errors',
  parent: importErrors.importId,
  query: (args) => importErrorList(pageWindow(args)),
};
