import { getOperation } from '../../../shared/execution/operations';
import { signalWire } from '../../provider';

export const { description, execute } = getOperation(signalWire);
