import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { watchedFromTable, type PhoneNumberWatch } from '../shared/trigger/phoneNumberWatch';
import * as getAll from './actions/phoneNumber/getAll.operation';
import { TWILIO_FIELDS } from './descriptions/updateFields';
import { twilio } from './provider';
import type { TwilioConnection } from './transport';

/** Twilio's list answers whole numbers (snake_case): every Update field can be watched. */
export const twilioWatch: PhoneNumberWatch<TwilioConnection> = {
	provider: 'Twilio',
	client: async (ctx, policy) => await twilio.connect(ctx as unknown as ILoadOptionsFunctions, policy),
	getAll,
	idOf: (n) => String(n.sid),
	e164Of: (n) => String(n.phone_number ?? ''),
	fields: watchedFromTable(TWILIO_FIELDS, Object.keys(TWILIO_FIELDS), (row) => row.api.replace(/(?<!^)([A-Z])/g, '_$1').toLowerCase()),
};
