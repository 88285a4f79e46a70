import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { updateFieldsCollection } from '../../shared/descriptions/common';
import type { UpdateField } from '../../shared/execution/updateBody';

const sid = (prefix: string) => ({ kind: 'id' as const, pattern: new RegExp(`^${prefix}[0-9a-fA-F]{32}$`), example: `${prefix}0123456789abcdef0123456789abcdef` });
const METHODS = ['GET', 'POST'] as const;

/** Each `updateFields` key: its form parameter (PascalCase), display name and check. */
export const TWILIO_FIELDS: Record<string, UpdateField> = {
	friendlyName: { api: 'FriendlyName', label: 'Friendly Name', check: { kind: 'text', maxLength: 64 } },
	voiceUrl: { api: 'VoiceUrl', label: 'Voice URL', check: { kind: 'url' } },
	voiceMethod: { api: 'VoiceMethod', label: 'Voice Method', check: { kind: 'oneOf', values: METHODS } },
	voiceFallbackUrl: { api: 'VoiceFallbackUrl', label: 'Voice Fallback URL', check: { kind: 'url' } },
	voiceFallbackMethod: { api: 'VoiceFallbackMethod', label: 'Voice Fallback Method', check: { kind: 'oneOf', values: METHODS } },
	statusCallback: { api: 'StatusCallback', label: 'Status Callback', check: { kind: 'url' } },
	statusCallbackMethod: { api: 'StatusCallbackMethod', label: 'Status Callback Method', check: { kind: 'oneOf', values: METHODS } },
	voiceCallerIdLookup: { api: 'VoiceCallerIdLookup', label: 'Voice Caller ID Lookup', check: { kind: 'boolean' } },
	voiceReceiveMode: { api: 'VoiceReceiveMode', label: 'Voice Receive Mode', check: { kind: 'oneOf', values: ['voice', 'fax'] } },
	voiceApplicationSid: { api: 'VoiceApplicationSid', label: 'Voice TwiML App Name or ID', check: sid('AP') },
	trunkSid: { api: 'TrunkSid', label: 'SIP Trunk Name or ID', check: sid('TK') },
	smsUrl: { api: 'SmsUrl', label: 'SMS URL', check: { kind: 'url' } },
	smsMethod: { api: 'SmsMethod', label: 'SMS Method', check: { kind: 'oneOf', values: METHODS } },
	smsFallbackUrl: { api: 'SmsFallbackUrl', label: 'SMS Fallback URL', check: { kind: 'url' } },
	smsFallbackMethod: { api: 'SmsFallbackMethod', label: 'SMS Fallback Method', check: { kind: 'oneOf', values: METHODS } },
	smsApplicationSid: { api: 'SmsApplicationSid', label: 'SMS TwiML App Name or ID', check: sid('AP') },
	addressSid: { api: 'AddressSid', label: 'Address Name or ID', check: sid('AD') },
	emergencyAddressSid: { api: 'EmergencyAddressSid', label: 'Emergency Address Name or ID', check: sid('AD') },
	emergencyStatus: { api: 'EmergencyStatus', label: 'Emergency Status', check: { kind: 'oneOf', values: ['Active', 'Inactive'] } },
	identitySid: { api: 'IdentitySid', label: 'Identity SID', check: sid('RI') },
	bundleSid: { api: 'BundleSid', label: 'Bundle SID', check: sid('BU') },
};

const METHOD_OPTIONS: INodePropertyOptions[] = METHODS.map((m) => ({ name: m, value: m }));

/**
 * What answers calls and messages decides which fields Twilio uses (its precedence: a SIP trunk
 * over a TwiML app over the voice URLs; an SMS app over the SMS URLs). The choice hides the fields
 * it would make Twilio ignore; "Any" shows them all.
 */
export const routingProperties: INodeProperties[] = [
	{
		displayName: 'Calls Go To',
		name: 'voiceRouting',
		type: 'options',
		options: [
			{ name: 'Any (Show Every Voice Field)', value: 'any' },
			{ name: 'Voice URLs (TwiML Webhooks)', value: 'urls', description: 'Twilio asks your URL what to do' },
			{ name: 'TwiML App', value: 'application', description: 'Overrides the voice URLs' },
			{ name: 'SIP Trunk', value: 'trunk', description: 'Overrides the voice URLs and any TwiML app' },
		],
		default: 'any',
		description: 'Which voice fields to offer below. Setting a TwiML app or a SIP trunk clears the other.',
		displayOptions: { show: { resource: ['phoneNumber'], operation: ['update'] } },
	},
	{
		displayName: 'Messages Go To',
		name: 'smsRouting',
		type: 'options',
		options: [
			{ name: 'Any (Show Every SMS Field)', value: 'any' },
			{ name: 'SMS URLs (TwiML Webhooks)', value: 'urls' },
			{ name: 'TwiML App', value: 'application', description: 'Overrides the SMS URLs' },
		],
		default: 'any',
		description: 'Which SMS fields to offer below. A number in a Messaging Service takes its SMS settings from the service.',
		displayOptions: { show: { resource: ['phoneNumber'], operation: ['update'] } },
	},
];

const voiceFor = (...routes: string[]) => ({ show: { '/voiceRouting': ['any', ...routes] } });
const smsFor = (...routes: string[]) => ({ show: { '/smsRouting': ['any', ...routes] } });
const url = (displayName: string, name: string, description: string, displayOptions: object): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	placeholder: 'https://example.com/twiml',
	description,
	displayOptions,
});
const method = (displayName: string, name: string, displayOptions: object): INodeProperties => ({
	displayName,
	name,
	type: 'options',
	options: METHOD_OPTIONS,
	default: 'POST',
	displayOptions,
});

export const updateFieldsProperty = updateFieldsCollection(
	'Only the fields added here are sent; everything else on the number stays as it is. Empty URLs clear them.',
	[
		{
			displayName: 'Address Name or ID',
			name: 'addressSid',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getAddresses' },
			default: '',
			description: 'The address the number is registered to, where its country requires one. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Bundle SID',
			name: 'bundleSid',
			type: 'string',
			default: '',
			placeholder: 'e.g. BU0123456789abcdef0123456789abcdef',
			description: 'Regulatory bundle the number belongs to',
		},
		{
			displayName: 'Emergency Address Name or ID',
			name: 'emergencyAddressSid',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getAddresses' },
			default: '',
			description: 'Address emergency services are given for calls from this number. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Emergency Status',
			name: 'emergencyStatus',
			type: 'options',
			options: [
				{ name: 'Active', value: 'Active' },
				{ name: 'Inactive', value: 'Inactive' },
			],
			default: 'Active',
			description: 'Whether emergency calling is enabled for the number (needs an emergency address)',
		},
		{
			displayName: 'Friendly Name',
			name: 'friendlyName',
			type: 'string',
			default: '',
			description: 'Name shown for the number in Twilio (at most 64 characters)',
		},
		{
			displayName: 'Identity SID',
			name: 'identitySid',
			type: 'string',
			default: '',
			placeholder: 'e.g. RI0123456789abcdef0123456789abcdef',
		},
		{
			displayName: 'SIP Trunk Name or ID',
			name: 'trunkSid',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getTrunks' },
			default: '',
			description: 'Elastic SIP trunk that takes the calls; overrides the voice URLs and any TwiML app. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			displayOptions: voiceFor('trunk'),
		},
		method('SMS Fallback Method', 'smsFallbackMethod', smsFor('urls')),
		url('SMS Fallback URL', 'smsFallbackUrl', 'Asked when the SMS URL fails', smsFor('urls')),
		method('SMS Method', 'smsMethod', smsFor('urls')),
		{
			displayName: 'SMS TwiML App Name or ID',
			name: 'smsApplicationSid',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getApplications' },
			default: '',
			description: 'TwiML app that handles messages; overrides the SMS URLs. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			displayOptions: smsFor('application'),
		},
		url('SMS URL', 'smsUrl', 'Asked for TwiML when a message comes in', smsFor('urls')),
		url('Status Callback', 'statusCallback', 'Where call status changes are sent', voiceFor('urls')),
		method('Status Callback Method', 'statusCallbackMethod', voiceFor('urls')),
		{
			displayName: 'Voice Caller ID Lookup',
			name: 'voiceCallerIdLookup',
			type: 'boolean',
			default: false,
			description: "Whether Twilio looks up the caller's name (CNAM) for incoming calls, at extra cost",
		},
		method('Voice Fallback Method', 'voiceFallbackMethod', voiceFor('urls')),
		url('Voice Fallback URL', 'voiceFallbackUrl', 'Asked when the voice URL fails', voiceFor('urls')),
		method('Voice Method', 'voiceMethod', voiceFor('urls')),
		{
			displayName: 'Voice Receive Mode',
			name: 'voiceReceiveMode',
			type: 'options',
			options: [
				{ name: 'Voice', value: 'voice' },
				{ name: 'Fax', value: 'fax' },
			],
			default: 'voice',
		},
		{
			displayName: 'Voice TwiML App Name or ID',
			name: 'voiceApplicationSid',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getApplications' },
			default: '',
			description: 'TwiML app that handles calls; overrides the voice URLs and clears any SIP trunk. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			displayOptions: voiceFor('application'),
		},
		url('Voice URL', 'voiceUrl', 'Asked for TwiML when a call comes in', voiceFor('urls')),
	],
);
