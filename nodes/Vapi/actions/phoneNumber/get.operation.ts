import { getOperation } from '../../../shared/execution/operations';
import { vapi } from '../../provider';

/** The number as Vapi has it; other systems' secrets in it (Twilio tokens, SIP passwords) are masked by the client. */
export const { description, execute } = getOperation(vapi);
