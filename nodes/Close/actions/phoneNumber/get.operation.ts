import { getOperation } from '../../../shared/execution/operations';
import { close } from '../../provider';

export const { description, execute } = getOperation(close);
