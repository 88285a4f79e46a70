import { watchedFromTable, type PhoneNumberWatch } from '../shared/trigger/phoneNumberWatch';
import * as getAll from './actions/phoneNumber/getAll.operation';
import { answeredAt, TWILIO_FIELDS } from './descriptions/updateFields';
import { twilio } from './provider';
import type { TwilioConnection } from './transport';

/** Twilio's list answers whole numbers (snake_case): every Update field can be watched. */
export const twilioWatch: PhoneNumberWatch<TwilioConnection> = {
	provider: twilio,
	getAll,
	fields: watchedFromTable(TWILIO_FIELDS, Object.keys(TWILIO_FIELDS), answeredAt),
};
