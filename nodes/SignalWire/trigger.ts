import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { watchedFromTable, type PhoneNumberWatch } from '../shared/trigger/phoneNumberWatch';
import type { ApiClient } from '../shared/transport/client';
import * as getAll from './actions/phoneNumber/getAll.operation';
import { SIGNALWIRE_FIELDS } from './descriptions/updateFields';
import { signalWireClient } from './transport';

/** SignalWire's list answers whole numbers: every Update field can be watched. */
export const signalWireWatch: PhoneNumberWatch<ApiClient> = {
	provider: 'SignalWire',
	client: async (ctx, policy) => (await signalWireClient(ctx as unknown as ILoadOptionsFunctions, policy)).client,
	getAll,
	idOf: (n) => String(n.id),
	e164Of: (n) => String(n.number ?? ''),
	fields: watchedFromTable(SIGNALWIRE_FIELDS, Object.keys(SIGNALWIRE_FIELDS)),
};
