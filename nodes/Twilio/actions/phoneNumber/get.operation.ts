import { getOperation } from '../../../shared/execution/operations';
import { twilio } from '../../provider';

export const { description, execute } = getOperation(twilio);
