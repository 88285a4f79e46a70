import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { watchedFromTable, type PhoneNumberWatch } from '../shared/trigger/phoneNumberWatch';
import * as getAll from './actions/phoneNumber/getAll.operation';
import { SIGNALWIRE_FIELDS } from './descriptions/updateFields';
import { signalWire } from './provider';
import type { SignalWireConnection } from './transport';

/** SignalWire's list answers whole numbers: every Update field can be watched. */
export const signalWireWatch: PhoneNumberWatch<SignalWireConnection> = {
	provider: 'SignalWire',
	client: async (ctx, policy) => await signalWire.connect(ctx as unknown as ILoadOptionsFunctions, policy),
	getAll,
	idOf: (n) => String(n.id),
	e164Of: (n) => String(n.number ?? ''),
	fields: watchedFromTable(SIGNALWIRE_FIELDS, Object.keys(SIGNALWIRE_FIELDS)),
};
