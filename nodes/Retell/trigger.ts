import { labelsOf } from '../shared/execution/updateBody';
import { watchedFields, type PhoneNumberWatch } from '../shared/trigger/phoneNumberWatch';
import type { Connection } from '../shared/execution/provider';
import * as getAll from './actions/phoneNumber/getAll.operation';
import { compareRetell, RETELL_FIELDS, updateFieldsProperty } from './descriptions/updateFields';
import { retell } from './provider';

/** Retell's list answers whole numbers: every Update field but the write-only password can be watched. */
export const retellWatch: PhoneNumberWatch<Connection> = {
	provider: retell,
	getAll,
	fields: watchedFields(
		labelsOf(updateFieldsProperty),
		Object.keys(RETELL_FIELDS).filter((key) => key !== 'authPassword').sort(),
		(key, n) => compareRetell([key], {}, n)[0].before,
	),
};
