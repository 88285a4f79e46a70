import type { ILoadOptionsFunctions } from 'n8n-workflow';

import type { PhoneNumberWatch } from '../shared/trigger/phoneNumberWatch';
import type { ApiClient } from '../shared/transport/client';
import * as getAll from './actions/phoneNumber/getAll.operation';
import { compareRetell } from './descriptions/updateFields';
import { retellClient } from './transport';

const FIELDS: Array<[string, string]> = [
	['allowedInboundCountries', 'Allowed Inbound Countries'],
	['allowedOutboundCountries', 'Allowed Outbound Countries'],
	['authUsername', 'Auth Username'],
	['fallbackNumber', 'Fallback Number'],
	['inboundAgents', 'Inbound Agents'],
	['inboundSmsAgents', 'Inbound SMS Agents'],
	['inboundSmsWebhookUrl', 'Inbound SMS Webhook URL'],
	['inboundWebhookUrl', 'Inbound Webhook URL'],
	['nickname', 'Nickname'],
	['outboundAgents', 'Outbound Agents'],
	['outboundSmsAgents', 'Outbound SMS Agents'],
	['terminationUri', 'Termination URI'],
	['transport', 'Transport'],
];

/** Retell's list answers whole numbers: every Update field but the write-only password can be watched. */
export const retellWatch: PhoneNumberWatch<ApiClient> = {
	provider: 'Retell AI',
	client: async (ctx, policy) => await retellClient(ctx as unknown as ILoadOptionsFunctions, policy),
	getAll,
	idOf: (n) => String(n.phone_number),
	e164Of: (n) => String(n.phone_number ?? ''),
	fields: FIELDS.map(([key, label]) => ({ key, label, value: (n) => compareRetell([key], {}, n)[0].before })),
};
