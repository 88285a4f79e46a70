import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { choiceField, passwordField, textField } from '../../shared/descriptions/fields';
import { buildUpdateBody, updateFieldsOf, updateRow, updateTable, type FieldCheck, type UpdateRow } from '../../shared/execution/updateBody';
import type { NumberAddress } from '../../shared/execution/provider';
import type { ComparedField } from '../../shared/execution/updateOptions';
import type { InputValidator } from '../../shared/validation';

/** The four agent lists: the editor's key, Retell's field, the display name and which agents it lists. */
export const AGENT_LISTS = [
	{ key: 'inboundAgents', api: 'inbound_agents', displayName: 'Inbound Agents', method: 'getVoiceAgents', versionsMethod: 'getVoiceAgentVersions', about: 'Voice agents that answer calls to this number' },
	{ key: 'outboundAgents', api: 'outbound_agents', displayName: 'Outbound Agents', method: 'getVoiceAgents', versionsMethod: 'getVoiceAgentVersions', about: 'Voice agents that make calls from this number' },
	{ key: 'inboundSmsAgents', api: 'inbound_sms_agents', displayName: 'Inbound SMS Agents', method: 'getChatAgents', versionsMethod: 'getChatAgentVersions', about: 'Chat agents that answer messages to this number' },
	{ key: 'outboundSmsAgents', api: 'outbound_sms_agents', displayName: 'Outbound SMS Agents', method: 'getChatAgents', versionsMethod: 'getChatAgentVersions', about: 'Chat agents that send messages from this number' },
] as const;

function agentList(list: (typeof AGENT_LISTS)[number]): INodeProperties {
	return {
		displayName: list.displayName,
		name: list.key,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Agent',
		default: {},
		description: `${list.about}; the weights of the list add up to 1 (one agent gets 1). Replaces the current list; an empty list removes it.`,
		options: [
			{
				displayName: 'Agent',
				name: 'agents',
				values: [
					{
						displayName: 'Agent Name or ID',
						name: 'agent',
						type: 'options',
						typeOptions: { loadOptionsMethod: list.method },
						default: '',
						description: 'The agent that takes this share. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
					{
						displayName: 'Weight',
						name: 'weight',
						type: 'number',
						typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
						default: 1,
						description: 'Share of calls or messages this agent takes (0–1)',
					},
					{
						displayName: 'Version Name or ID',
						name: 'version',
						type: 'options',
						typeOptions: { loadOptionsMethod: list.versionsMethod, loadOptionsDependsOn: ['&agent'] },
						default: '',
						description:
							'Which version of the agent takes this share: latest published, latest, or a version number (empty: Retell\'s default). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
				],
			},
		],
	};
}

const TRANSPORTS = ['TLS', 'TCP', 'UDP'] as const;

/** Text as Retell takes it: trimmed. */
const TEXT: FieldCheck = { kind: 'custom', value: (value, label, check) => check.string(label, value ?? '').trim() };
/** A webhook URL; empty sends null, which removes it. */
const URL_OR_NULL: FieldCheck = { kind: 'custom', value: (value, label, check) => (check.string(label, value ?? '').trim() === '' ? null : check.url(label, value)) };
/** ISO 3166 alpha-2 codes; an empty list sends null (every country). */
const COUNTRIES: FieldCheck = {
	kind: 'custom',
	value: (value, label, check) => {
		const codes = check.list(label, value).map((code) => code.toUpperCase());
		for (const code of codes) if (!/^[A-Z]{2}$/.test(code)) check.fail(label, `"${code.slice(0, 10)}" is not an ISO 3166 alpha-2 country code`);
		return codes.length === 0 ? null : codes;
	},
};
/** E.164 as typed (trimmed); empty sends null, which removes it. Not the number itself: checked with the body. */
const FALLBACK: FieldCheck = {
	kind: 'custom',
	value: (value, label, check) => {
		const fallback = check.string(label, value ?? '').trim();
		if (fallback !== '') check.e164(label, fallback);
		return fallback === '' ? null : fallback;
	},
};
const AGENTS: FieldCheck = { kind: 'custom', value: (value, label, check) => agents(value, label, check) };

/** Each update field once: its editor property, Retell's API field and check. */
const UPDATE_ROWS: UpdateRow[] = [
	updateRow(textField('Nickname', 'nickname', { description: 'Name of the number, for your own reference' }), 'nickname', TEXT),
	...AGENT_LISTS.map((list) => updateRow(agentList(list), list.api, AGENTS)),
	updateRow(
		textField('Inbound Webhook URL', 'inboundWebhookUrl', { placeholder: 'e.g. https://example.com/retell/inbound', description: 'Called for each inbound call to pick the agent and variables. Empty removes it.' }),
		'inbound_webhook_url',
		URL_OR_NULL,
	),
	updateRow(
		textField('Inbound SMS Webhook URL', 'inboundSmsWebhookUrl', { placeholder: 'e.g. https://example.com/retell/sms', description: 'Called for each inbound message to pick the agent and variables. Empty removes it.' }),
		'inbound_sms_webhook_url',
		URL_OR_NULL,
	),
	updateRow(
		textField('Fallback Number', 'fallbackNumber', { placeholder: 'e.g. +14155550100', description: 'E.164 number calls go to when the agent cannot take them (not this number itself). Empty removes it.' }),
		'fallback_number',
		FALLBACK,
	),
	updateRow(
		textField('Allowed Inbound Countries', 'allowedInboundCountries', { placeholder: 'e.g. US, CA', description: 'ISO 3166 alpha-2 codes of the countries calls may come from, comma-separated. Empty: every country.' }),
		'allowed_inbound_country_list',
		COUNTRIES,
	),
	updateRow(
		textField('Allowed Outbound Countries', 'allowedOutboundCountries', { placeholder: 'e.g. US, CA', description: 'ISO 3166 alpha-2 codes of the countries calls may go to, comma-separated. Empty: every country.' }),
		'allowed_outbound_country_list',
		COUNTRIES,
	),
	updateRow(textField('Termination URI', 'terminationUri', { placeholder: 'e.g. example.pstn.twilio.com', description: 'Your elastic SIP trunk (custom telephony numbers)' }), 'termination_uri', TEXT),
	updateRow(textField('Auth Username', 'authUsername', { description: "User name for your SIP trunk's digest authentication (custom telephony)" }), 'auth_username', TEXT),
	updateRow(
		passwordField('Auth Password', 'authPassword', "Password for your SIP trunk's digest authentication (custom telephony). Write-only: it is never shown again."),
		'auth_password',
		TEXT,
	),
	updateRow(choiceField('Transport', 'transport', TRANSPORTS.map((t) => [t, t] as const), 'TCP', 'SIP transport to your trunk'), 'transport'),
];

export const RETELL_FIELDS = updateTable(UPDATE_ROWS);

export const updateFieldsProperty: INodeProperties = updateFieldsOf('Only the fields added here are sent; everything else on the number stays as it is', UPDATE_ROWS);

/** An agent version as Retell takes it: a number, or `latest`, `latest_published` or a tag. */
function version(value: unknown, label: string, check: InputValidator): string | number | undefined {
	const text = check.string(label, value ?? '').trim();
	if (text === '') return undefined;
	if (/^\d{1,9}$/.test(text)) return Number(text);
	if (!/^[A-Za-z0-9_.-]{1,64}$/.test(text)) check.fail(label, `"${text.slice(0, 40)}" is not a version (a number, latest, latest_published or a tag)`);
	return text;
}

function agents(value: unknown, label: string, check: InputValidator): IDataObject[] | null {
	const rows = Array.isArray(value) ? value : ((value as IDataObject | undefined)?.agents as unknown);
	if (rows === undefined || rows === null) return null;
	if (!Array.isArray(rows)) return check.fail(label, 'expected a list of agents');
	if (rows.length === 0) return null;
	const list = rows.map((row, index) => {
		const entry = (row ?? {}) as IDataObject;
		const id = check.string(`${label} ${index + 1}: Agent`, entry.agent ?? entry.agent_id ?? '').trim();
		if (!/^[A-Za-z0-9_-]{1,100}$/.test(id)) check.fail(label, `agent ${index + 1}: "${id.slice(0, 40)}" is not a Retell agent ID`);
		const weight = rows.length === 1 ? 1 : Number(entry.weight);
		if (!Number.isFinite(weight) || weight < 0 || weight > 1) check.fail(label, `agent ${index + 1}: the weight must be from 0 to 1`);
		const agentVersion = version(entry.version ?? entry.agent_version, `${label} ${index + 1}: Version`, check);
		return { agent_id: id, weight, ...(agentVersion === undefined ? {} : { agent_version: agentVersion }) };
	});
	const total = list.reduce((sum, entry) => sum + Number(entry.weight), 0);
	if (Math.abs(total - 1) > 1e-6) check.fail(label, `the weights add up to ${Math.round(total * 1000) / 1000}, not 1`, 'Retell splits calls by these weights: they must add up to 1 (e.g. 0.5 and 0.5).');
	return list;
}

/**
 * Retell's PATCH body from exactly the fields added. The agent lists replace the current ones
 * (an empty list sends null); the deprecated `inbound_agent_id` / `outbound_agent_id` and their
 * versions are never sent.
 */
export function retellUpdateBody(fields: IDataObject, check: InputValidator, address?: NumberAddress): IDataObject {
	const body = buildUpdateBody(fields, RETELL_FIELDS, check);
	const { label } = RETELL_FIELDS.fallbackNumber;
	// Retell's ID is the number itself; checked once the locator is resolved.
	if (address && typeof body.fallback_number === 'string' && check.e164(label, body.fallback_number) === address.id) check.fail(label, 'cannot be the number itself');
	return body;
}

/** Each field's value before (the number as read) and after (the body), for Dry Run and Skip Unchanged. */
export function compareRetell(keys: string[], body: IDataObject, number: IDataObject): ComparedField[] {
	return keys.map((key) => {
		const api = RETELL_FIELDS[key].api;
		// The SIP trunk's settings come back inside `sip_outbound_trunk_config`.
		const trunk = (number.sip_outbound_trunk_config ?? {}) as IDataObject;
		const before = api in trunk ? trunk[api] : number[api];
		return { field: key, before, after: body[api], writeOnly: key === 'authPassword' };
	});
}
