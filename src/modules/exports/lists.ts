import { dataExports } from '../../db/schema';
import { pageWindow, type PagingArgs } from '../pagination/arguments';
import type { ChildList } from '../pagination/lists';
import { exportList } from './store';

/** The arguments of `Viewer.exports`. */
export type ViewerExportsArgs = Readonly<Record<string, unknown>> & PagingArgs;

/** `Viewer.exports`: the key's exports, newest first. */
export const VIEWER_EXPORTS: ChildList<typeof dataExports, ViewerExportsArgs> = {
  relation: 'Viewer.exports',
  parent: dataExports.apiKeyId,
  query: (args) => exportList(pageWindow(args)),
};
