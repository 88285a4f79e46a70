import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { watchedFromTable, type PhoneNumberWatch } from '../shared/trigger/phoneNumberWatch';
import type { Connection } from '../shared/execution/provider';
import * as getAll from './actions/phoneNumber/getAll.operation';
import { CLOSE_FIELDS } from './descriptions/updateFields';
import { close } from './provider';

/** Close's list answers whole numbers: every Update field can be watched. */
export const closeWatch: PhoneNumberWatch<Connection> = {
	provider: 'Close',
	client: async (ctx, policy) => await close.connect(ctx as unknown as ILoadOptionsFunctions, policy),
	getAll,
	idOf: (n) => String(n.id),
	e164Of: (n) => String(n.number ?? ''),
	fields: watchedFromTable(CLOSE_FIELDS, Object.keys(CLOSE_FIELDS)),
};
