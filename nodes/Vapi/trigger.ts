import type { ILoadOptionsFunctions } from 'n8n-workflow';

import type { PhoneNumberWatch } from '../shared/trigger/phoneNumberWatch';
import type { ApiClient } from '../shared/transport/client';
import * as getAll from './actions/phoneNumber/getAll.operation';
import { compareVapi } from './descriptions/updateFields';
import { vapiClient } from './transport';

const FIELDS: Array<[string, string]> = [
	['answeredBy', 'Answered By'],
	['assistantId', 'Assistant'],
	['squadId', 'Squad'],
	['workflowId', 'Workflow ID'],
	['fallbackType', 'Fallback'],
	['fallbackNumber', 'Fallback Number'],
	['fallbackSipUri', 'Fallback SIP URI'],
	['name', 'Name'],
	['serverUrl', 'Server URL'],
	['serverTimeoutSeconds', 'Server Timeout (Seconds)'],
	['smsEnabled', 'SMS Enabled'],
];

/** Vapi's list answers whole numbers: every Update field can be watched, read as Dry Run reads it. */
export const vapiWatch: PhoneNumberWatch<ApiClient> = {
	provider: 'Vapi',
	client: async (ctx, policy) => await vapiClient(ctx as unknown as ILoadOptionsFunctions, policy),
	getAll,
	idOf: (n) => String(n.id),
	e164Of: (n) => String(n.number ?? n.sipUri ?? ''),
	fields: FIELDS.map(([key, label]) => ({ key, label, value: (n) => compareVapi([key], {}, n)[0].before })),
};
