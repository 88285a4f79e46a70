import type { INodeProperties } from 'n8n-workflow';

import { updateFieldsCollection } from '../../shared/descriptions/common';
import { accountDropdown, booleanField, choiceField, httpMethodField, textField, VOICE_OR_FAX } from '../../shared/descriptions/fields';
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

const updateOnly = { show: { resource: ['phoneNumber'], operation: ['update'] } };

/**
 * What answers calls and messages decides which fields Twilio uses (its precedence: a SIP trunk
 * over a TwiML app over the voice URLs; an SMS app over the SMS URLs). The choice hides the fields
 * it would make Twilio ignore; "Any" shows them all.
 */
export const routingProperties: INodeProperties[] = [
	{
		displayName:
			'A number in a Messaging Service takes its SMS settings from the service: Twilio ignores the SMS fields set here for it. Change them in the Messaging Service instead.',
		name: 'messagingServiceNotice',
		type: 'notice',
		default: '',
		displayOptions: updateOnly,
	},
	choiceField(
		'Show Voice Fields For',
		'voiceRouting',
		[
			['Any (Show Every Voice Field)', 'any'],
			['Voice URLs (TwiML Webhooks)', 'urls', 'Twilio asks your URL what to do'],
			['TwiML App', 'application', 'Overrides the voice URLs'],
			['SIP Trunk', 'trunk', 'Overrides the voice URLs and any TwiML app'],
		],
		'any',
		'Only filters which voice fields are offered below (nothing is sent for it). Setting a TwiML app or a SIP trunk clears the other.',
		updateOnly,
	),
	choiceField(
		'Show SMS Fields For',
		'smsRouting',
		[
			['Any (Show Every SMS Field)', 'any'],
			['SMS URLs (TwiML Webhooks)', 'urls'],
			['TwiML App', 'application', 'Overrides the SMS URLs'],
		],
		'any',
		'Only filters which SMS fields are offered below (nothing is sent for it)',
		updateOnly,
	),
];

const voiceFor = (...routes: string[]) => ({ show: { '/voiceRouting': ['any', ...routes] } });
const smsFor = (...routes: string[]) => ({ show: { '/smsRouting': ['any', ...routes] } });
const url = (displayName: string, name: string, description: string, displayOptions: object): INodeProperties =>
	textField(displayName, name, { placeholder: 'e.g. https://example.com/twiml', description, displayOptions });

export const updateFieldsProperty = updateFieldsCollection(
	'Only the fields added here are sent; everything else on the number stays as it is. Empty URLs clear them.',
	[
		accountDropdown('Address Name or ID', 'addressSid', 'getAddresses', 'The address the number is registered to, where its country requires one'),
		textField('Bundle SID', 'bundleSid', { placeholder: `e.g. ${sid('BU').example}`, description: 'Regulatory bundle the number belongs to' }),
		accountDropdown('Emergency Address Name or ID', 'emergencyAddressSid', 'getAddresses', 'Address emergency services are given for calls from this number'),
		choiceField(
			'Emergency Status',
			'emergencyStatus',
			[
				['Active', 'Active'],
				['Inactive', 'Inactive'],
			],
			'Active',
			'Whether emergency calling is enabled for the number (needs an emergency address)',
		),
		textField('Friendly Name', 'friendlyName', { description: 'Name shown for the number in Twilio (at most 64 characters)' }),
		textField('Identity SID', 'identitySid', { placeholder: `e.g. ${sid('RI').example}` }),
		accountDropdown(
			'SIP Trunk Name or ID',
			'trunkSid',
			'getTrunks',
			'Elastic SIP trunk that takes the calls; overrides the voice URLs and any TwiML app',
			voiceFor('trunk'),
		),
		httpMethodField('SMS Fallback Method', 'smsFallbackMethod', smsFor('urls')),
		url('SMS Fallback URL', 'smsFallbackUrl', 'Asked when the SMS URL fails', smsFor('urls')),
		httpMethodField('SMS Method', 'smsMethod', smsFor('urls')),
		accountDropdown(
			'SMS TwiML App Name or ID',
			'smsApplicationSid',
			'getApplications',
			'TwiML app that handles messages; overrides the SMS URLs',
			smsFor('application'),
		),
		url('SMS URL', 'smsUrl', 'Asked for TwiML when a message comes in', smsFor('urls')),
		url('Status Callback', 'statusCallback', 'Where call status changes are sent', voiceFor('urls')),
		httpMethodField('Status Callback Method', 'statusCallbackMethod', voiceFor('urls')),
		booleanField('Voice Caller ID Lookup', 'voiceCallerIdLookup', "Whether Twilio looks up the caller's name (CNAM) for incoming calls, at extra cost"),
		httpMethodField('Voice Fallback Method', 'voiceFallbackMethod', voiceFor('urls')),
		url('Voice Fallback URL', 'voiceFallbackUrl', 'Asked when the voice URL fails', voiceFor('urls')),
		httpMethodField('Voice Method', 'voiceMethod', voiceFor('urls')),
		choiceField('Voice Receive Mode', 'voiceReceiveMode', VOICE_OR_FAX, 'voice'),
		accountDropdown(
			'Voice TwiML App Name or ID',
			'voiceApplicationSid',
			'getApplications',
			'TwiML app that handles calls; overrides the voice URLs and clears any SIP trunk',
			voiceFor('application'),
		),
		url('Voice URL', 'voiceUrl', 'Asked for TwiML when a call comes in', voiceFor('urls')),
	],
);
