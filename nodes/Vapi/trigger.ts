import { labelsOf } from '../shared/execution/updateBody';
import { watchedFields, type PhoneNumberWatch } from '../shared/trigger/phoneNumberWatch';
import type { Connection } from '../shared/execution/provider';
import * as getAll from './actions/phoneNumber/getAll.operation';
import { compareVapi, updateFieldsProperty } from './descriptions/updateFields';
import { vapi } from './provider';

/** In the order the trigger lists them: who answers, the fallback, then the rest. */
const WATCHED = ['answeredBy', 'assistantId', 'squadId', 'workflowId', 'fallbackType', 'fallbackNumber', 'fallbackSipUri', 'name', 'serverUrl', 'serverTimeoutSeconds', 'smsEnabled'];

/** Vapi's list answers whole numbers: every Update field can be watched, read as Dry Run reads it. */
export const vapiWatch: PhoneNumberWatch<Connection> = {
	provider: vapi,
	getAll,
	fields: watchedFields(labelsOf(updateFieldsProperty), WATCHED, (key, n) => compareVapi([key], {}, n)[0].before),
};
