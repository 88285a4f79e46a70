import { watchedFromTable, type PhoneNumberWatch } from '../shared/trigger/phoneNumberWatch';
import * as getAll from './actions/phoneNumber/getAll.operation';
import { SIGNALWIRE_FIELDS } from './descriptions/updateFields';
import { signalWire } from './provider';
import type { SignalWireConnection } from './transport';

/** SignalWire's list answers whole numbers: every Update field can be watched. */
export const signalWireWatch: PhoneNumberWatch<SignalWireConnection> = {
	provider: signalWire,
	getAll,
	fields: watchedFromTable(SIGNALWIRE_FIELDS, Object.keys(SIGNALWIRE_FIELDS)),
};
