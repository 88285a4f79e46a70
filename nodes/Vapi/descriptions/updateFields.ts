import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { updateFieldsCollection } from '../../shared/descriptions/common';
import { accountDropdown, booleanField, choiceField, numberField, textField } from '../../shared/descriptions/fields';
import { labelsOf } from '../../shared/execution/updateBody';
import type { ComparedField } from '../../shared/execution/updateOptions';
import type { InputValidator } from '../../shared/validation';

export const ANSWERED_BY = ['assistant', 'squad', 'workflow', 'server'] as const;
const FALLBACK_TYPES = ['number', 'sip', 'none'] as const;
const ID_OF: Record<string, string> = { assistant: 'assistantId', squad: 'squadId', workflow: 'workflowId' };

export const updateFieldsProperty: INodeProperties = updateFieldsCollection(
	'Only the fields added here are sent; everything else on the number stays as it is',
	[
		choiceField(
			'Answered By',
			'answeredBy',
			[
				['Assistant', 'assistant', 'One assistant takes the calls (add Assistant Name or ID)'],
				['Squad', 'squad', 'A squad of assistants takes the calls (add Squad Name or ID)'],
				['Workflow', 'workflow', 'A workflow takes the calls (add Workflow ID)'],
				['Server URL', 'server', "No assistant: Vapi asks the number's server URL (assistant-request) for each call"],
			],
			'assistant',
			'Who takes the calls of this number. The one chosen is set and the other two are cleared, so a number never has two.',
		),
		accountDropdown('Assistant Name or ID', 'assistantId', 'getAssistants', 'The assistant that answers calls to this number (Answered By: Assistant)'),
		choiceField(
			'Fallback',
			'fallbackType',
			[
				['Phone Number', 'number', 'Transfer to Fallback Number'],
				['SIP URI', 'sip', 'Transfer to Fallback SIP URI'],
				['None', 'none', 'Hang up when no assistant can take the call'],
			],
			'number',
			'Where a call goes when no assistant, squad or workflow is set and the server URL does not answer',
		),
		textField('Fallback Number', 'fallbackNumber', { placeholder: 'e.g. +14155550100', description: 'E.164 number calls are transferred to (Fallback: Phone Number)' }),
		textField('Fallback SIP URI', 'fallbackSipUri', { placeholder: 'e.g. sip:support@example.com', description: 'SIP URI calls are transferred to (Fallback: SIP URI)' }),
		textField('Name', 'name', { description: 'Name of the number, for your own reference (at most 40 characters)' }),
		textField('Server URL', 'serverUrl', {
			placeholder: 'e.g. https://example.com/vapi',
			description: "Where Vapi sends this number's webhooks (and assistant-request). Replaces the number's server settings as a whole.",
		}),
		numberField('Server Timeout (Seconds)', 'serverTimeoutSeconds', 20, [1, 300], 'How long Vapi waits for the server URL to answer (1–300). Needs Server URL in the same update.'),
		booleanField('SMS Enabled', 'smsEnabled', "Whether Vapi sets the messaging webhook of the number on Twilio (Twilio numbers only); off leaves Twilio's messaging URL alone", true),
		accountDropdown('Squad Name or ID', 'squadId', 'getSquads', 'The squad that answers calls to this number (Answered By: Squad)'),
		textField('Workflow ID', 'workflowId', { placeholder: 'e.g. 5a4c8a8e-3b7f-4a6b-9c1d-2e3f4a5b6c7d', description: "The workflow that answers calls to this number (Answered By: Workflow); Vapi's API has no list of workflows" }),
	],
);

const LABELS = labelsOf(updateFieldsProperty);

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

/**
 * Vapi's PATCH body from exactly the fields added. Who answers is one choice: the chosen ID is sent
 * and the other two as null (null unassigns: Vapi's SDK issues; the spec types them as strings,
 * UNVERIFIED), so a number never has two; Server URL sends all three as null. Whether the body must
 * name `provider` is UNVERIFIED: it is not sent (the number's own type applies).
 */
export function vapiUpdateBody(fields: IDataObject, check: InputValidator): IDataObject {
	const body: IDataObject = {};
	for (const key of Object.keys(fields)) if (!(key in LABELS)) check.fail('Update Fields', `unknown field "${key}"`);
	const text = (key: string) => check.string(LABELS[key], fields[key]).trim();

	if ('name' in fields) {
		const name = text('name');
		if (name.length > 40) check.fail(LABELS.name, `is ${name.length} characters long; Vapi takes at most 40`);
		body.name = name;
	}

	const given = Object.entries(ID_OF).filter(([, key]) => key in fields);
	let answeredBy = 'answeredBy' in fields ? check.oneOf(LABELS.answeredBy, fields.answeredBy, ANSWERED_BY) : undefined;
	if (!answeredBy && given.length > 1) check.fail(LABELS[given[1][1]], `cannot be set together with ${LABELS[given[0][1]]}`, 'A number is answered by one assistant, squad or workflow: choose one with Answered By.');
	if (!answeredBy && given.length === 1) answeredBy = given[0][0] as (typeof ANSWERED_BY)[number];
	if (answeredBy) {
		for (const [by, key] of Object.entries(ID_OF)) {
			if (by !== answeredBy && key in fields) check.fail(LABELS[key], `cannot be set when Answered By is ${answeredBy}`, 'Remove it from Update Fields, or change Answered By.');
		}
		const key = ID_OF[answeredBy];
		if (key) {
			const id = key in fields ? text(key) : '';
			if (id === '') check.fail(LABELS[key], `needed when Answered By is ${answeredBy}`, `Add ${LABELS[key]} to Update Fields in the same update.`);
			if (!ID_PATTERN.test(id)) check.fail(LABELS[key], `"${id.slice(0, 40)}" is not a Vapi ID`);
		}
		for (const [by, idKey] of Object.entries(ID_OF)) body[idKey] = by === answeredBy ? text(idKey) : null;
	}

	if ('serverUrl' in fields || 'serverTimeoutSeconds' in fields) {
		if (!('serverUrl' in fields)) {
			check.fail(LABELS.serverTimeoutSeconds, 'needs Server URL in the same update', "Vapi replaces the number's server settings as a whole: add Server URL too.");
		}
		const server: IDataObject = { url: check.url(LABELS.serverUrl, fields.serverUrl) };
		if ('serverTimeoutSeconds' in fields) server.timeoutSeconds = check.integer(LABELS.serverTimeoutSeconds, fields.serverTimeoutSeconds, 1, 300);
		body.server = server;
	}

	const fallbackKeys = ['fallbackType', 'fallbackNumber', 'fallbackSipUri'];
	if (fallbackKeys.some((key) => key in fields)) {
		const type =
			'fallbackType' in fields ? check.oneOf(LABELS.fallbackType, fields.fallbackType, FALLBACK_TYPES) : 'fallbackSipUri' in fields ? 'sip' : 'number';
		if (type === 'number') {
			if (!('fallbackNumber' in fields)) check.fail(LABELS.fallbackNumber, 'needed when Fallback is Phone Number');
			body.fallbackDestination = { type: 'number', number: check.e164(LABELS.fallbackNumber, fields.fallbackNumber) };
		} else if (type === 'sip') {
			const uri = 'fallbackSipUri' in fields ? text('fallbackSipUri') : '';
			if (!/^sips?:[^\s]+$/i.test(uri)) check.fail(LABELS.fallbackSipUri, `"${uri.slice(0, 40)}" is not a SIP URI (sip:…)`);
			body.fallbackDestination = { type: 'sip', sipUri: uri };
		} else {
			// UNVERIFIED whether Vapi takes null here (the spec's oneOf has no null): it is what removes it.
			body.fallbackDestination = null;
		}
	}

	if ('smsEnabled' in fields) body.smsEnabled = check.boolean(LABELS.smsEnabled, fields.smsEnabled);
	return body;
}

/** Who answers a number now, as Answered By names it. */
function answeredByOf(number: IDataObject): string {
	if (number.assistantId) return 'assistant';
	if (number.squadId) return 'squad';
	if (number.workflowId) return 'workflow';
	return 'server';
}

/** Each field's value before (in the number as read) and after (in the body), for Dry Run and Skip Unchanged. */
export function compareVapi(keys: string[], body: IDataObject, number: IDataObject): ComparedField[] {
	const server = (number.server ?? {}) as IDataObject;
	const fallback = (number.fallbackDestination ?? {}) as IDataObject;
	const sentServer = (body.server ?? {}) as IDataObject;
	const sentFallback = (body.fallbackDestination ?? {}) as IDataObject;
	const pairs: Record<string, [unknown, unknown]> = {
		name: [number.name, body.name],
		answeredBy: [answeredByOf(number), answeredByOf(body)],
		assistantId: [number.assistantId, body.assistantId],
		squadId: [number.squadId, body.squadId],
		workflowId: [number.workflowId, body.workflowId],
		serverUrl: [server.url, sentServer.url],
		serverTimeoutSeconds: [server.timeoutSeconds ?? 20, sentServer.timeoutSeconds],
		fallbackType: [number.fallbackDestination ? fallback.type : 'none', body.fallbackDestination ? sentFallback.type : 'none'],
		fallbackNumber: [fallback.number, sentFallback.number],
		fallbackSipUri: [fallback.sipUri, sentFallback.sipUri],
		smsEnabled: [number.smsEnabled, body.smsEnabled],
	};
	return keys.map((key) => ({ field: key, before: pairs[key][0], after: pairs[key][1] }));
}

/** With Skip Unchanged: who answers, the server and the fallback each go as a whole. */
export function vapiTogether(fields: IDataObject, keys: string[]): string[] {
	const groups = [['answeredBy', 'assistantId', 'squadId', 'workflowId'], ['serverUrl', 'serverTimeoutSeconds'], ['fallbackType', 'fallbackNumber', 'fallbackSipUri']];
	const out = new Set(keys);
	for (const group of groups) if (group.some((key) => out.has(key))) for (const key of group) if (key in fields) out.add(key);
	return [...out];
}
