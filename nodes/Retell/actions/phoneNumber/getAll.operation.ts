import { getAllOperation } from '../../../shared/execution/operations';
import { retell } from '../../provider';

/** Retell's list has no filters beyond paging. */
export const { description, execute } = getAllOperation(retell, { properties: [] });
