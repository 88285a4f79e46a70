import { watchedFromTable, type PhoneNumberWatch } from '../shared/trigger/phoneNumberWatch';
import * as getAll from './actions/phoneNumber/getAll.operation';
import { TELNYX_FIELDS } from './descriptions/updateFields';
import type { Connection } from '../shared/execution/provider';
import { telnyx } from './provider';

/**
 * Telnyx's list carries a number's own settings and its messaging profile, not its voice settings
 * (those are one request a number): only what the list carries is watched, so a poll costs the list.
 */
const LISTED = ['tags', 'connectionId', 'billingGroupId', 'customerReference', 'externalPin', 'hdVoiceEnabled', 'messagingProfileId'];

export const telnyxWatch: PhoneNumberWatch<Connection> = {
	provider: telnyx,
	getAll,
	fields: watchedFromTable(TELNYX_FIELDS, LISTED.filter((key) => key in TELNYX_FIELDS)),
};
