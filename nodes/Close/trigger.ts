import { watchedFromTable, type PhoneNumberWatch } from '../shared/trigger/phoneNumberWatch';
import type { Connection } from '../shared/execution/provider';
import * as getAll from './actions/phoneNumber/getAll.operation';
import { CLOSE_FIELDS } from './descriptions/updateFields';
import { close } from './provider';

/** Close's list answers whole numbers: every Update field can be watched. */
export const closeWatch: PhoneNumberWatch<Connection> = {
	provider: close,
	getAll,
	fields: watchedFromTable(CLOSE_FIELDS, Object.keys(CLOSE_FIELDS)),
};
