import { getOperation } from '../../../shared/execution/operations';
import { retell } from '../../provider';

export const { description, execute } = getOperation(retell);
