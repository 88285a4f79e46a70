import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { accountDropdown, booleanField, choiceField, httpMethodField, textField, VOICE_OR_FAX } from '../../shared/descriptions/fields';
import { buildUpdateBody, updateFieldsOf, updateRow, updateTable, type UpdateRow } from '../../shared/execution/updateBody';
import type { InputValidator } from '../../shared/validation';

const sid = (prefix: string) => ({ kind: 'id' as const, pattern: new RegExp(`^${prefix}[0-9a-fA-F]{32}$`), example: `${prefix}0123456789abcdef0123456789abcdef` });

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

const sidText = (displayName: string, name: string, prefix: string, description?: string): INodeProperties =>
	textField(displayName, name, { placeholder: `e.g. ${sid(prefix).example}`, ...(description ? { description } : {}) });

/** Each update field once: its editor property, form parameter (PascalCase) and check. */
const UPDATE_ROWS: UpdateRow[] = [
	updateRow(textField('Friendly Name', 'friendlyName', { description: 'Name shown for the number in Twilio (at most 64 characters)' }), 'FriendlyName', { kind: 'text', maxLength: 64 }),
	updateRow(url('Voice URL', 'voiceUrl', 'Asked for TwiML when a call comes in', voiceFor('urls')), 'VoiceUrl', { kind: 'url' }),
	updateRow(httpMethodField('Voice Method', 'voiceMethod', voiceFor('urls')), 'VoiceMethod'),
	updateRow(url('Voice Fallback URL', 'voiceFallbackUrl', 'Asked when the voice URL fails', voiceFor('urls')), 'VoiceFallbackUrl', { kind: 'url' }),
	updateRow(httpMethodField('Voice Fallback Method', 'voiceFallbackMethod', voiceFor('urls')), 'VoiceFallbackMethod'),
	updateRow(url('Status Callback', 'statusCallback', 'Where call status changes are sent', voiceFor('urls')), 'StatusCallback', { kind: 'url' }),
	updateRow(httpMethodField('Status Callback Method', 'statusCallbackMethod', voiceFor('urls')), 'StatusCallbackMethod'),
	updateRow(
		booleanField('Voice Caller ID Lookup', 'voiceCallerIdLookup', "Whether Twilio looks up the caller's name (CNAM) for incoming calls, at extra cost"),
		'VoiceCallerIdLookup',
	),
	updateRow(choiceField('Voice Receive Mode', 'voiceReceiveMode', VOICE_OR_FAX, 'voice'), 'VoiceReceiveMode'),
	updateRow(
		accountDropdown(
			'Voice TwiML App Name or ID',
			'voiceApplicationSid',
			'getApplications',
			'TwiML app that handles calls; overrides the voice URLs and clears any SIP trunk',
			voiceFor('application'),
		),
		'VoiceApplicationSid',
		sid('AP'),
	),
	updateRow(
		accountDropdown('SIP Trunk Name or ID', 'trunkSid', 'getTrunks', 'Elastic SIP trunk that takes the calls; overrides the voice URLs and any TwiML app', voiceFor('trunk')),
		'TrunkSid',
		sid('TK'),
	),
	updateRow(url('SMS URL', 'smsUrl', 'Asked for TwiML when a message comes in', smsFor('urls')), 'SmsUrl', { kind: 'url' }),
	updateRow(httpMethodField('SMS Method', 'smsMethod', smsFor('urls')), 'SmsMethod'),
	updateRow(url('SMS Fallback URL', 'smsFallbackUrl', 'Asked when the SMS URL fails', smsFor('urls')), 'SmsFallbackUrl', { kind: 'url' }),
	updateRow(httpMethodField('SMS Fallback Method', 'smsFallbackMethod', smsFor('urls')), 'SmsFallbackMethod'),
	updateRow(
		accountDropdown('SMS TwiML App Name or ID', 'smsApplicationSid', 'getApplications', 'TwiML app that handles messages; overrides the SMS URLs', smsFor('application')),
		'SmsApplicationSid',
		sid('AP'),
	),
	updateRow(
		accountDropdown('Address Name or ID', 'addressSid', 'getAddresses', 'The address the number is registered to, where its country requires one'),
		'AddressSid',
		sid('AD'),
	),
	updateRow(
		accountDropdown('Emergency Address Name or ID', 'emergencyAddressSid', 'getAddresses', 'Address emergency services are given for calls from this number'),
		'EmergencyAddressSid',
		sid('AD'),
	),
	updateRow(
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
		'EmergencyStatus',
	),
	updateRow(sidText('Identity SID', 'identitySid', 'RI'), 'IdentitySid', sid('RI')),
	updateRow(sidText('Bundle SID', 'bundleSid', 'BU', 'Regulatory bundle the number belongs to'), 'BundleSid', sid('BU')),
];

export const TWILIO_FIELDS = updateTable(UPDATE_ROWS);

/** Where a row's field is in a number as Twilio answers it: it takes PascalCase parameters and answers in snake_case. */
export function answeredAt(row: { api: string }): string {
	return row.api.replace(/(?<!^)([A-Z])/g, '_$1').toLowerCase();
}

export const updateFieldsProperty = updateFieldsOf('Only the fields added here are sent; everything else on the number stays as it is. Empty URLs clear them.', UPDATE_ROWS);

/** Twilio's form body of exactly the fields given, each checked first. */
export function twilioUpdateBody(fields: IDataObject, check: InputValidator): IDataObject {
	const body = buildUpdateBody(fields, TWILIO_FIELDS, check);
	if (body.VoiceApplicationSid && body.TrunkSid) {
		// Twilio clears one when the other is set: both in one update cannot mean anything.
		check.fail(TWILIO_FIELDS.trunkSid.label, `cannot be set together with ${TWILIO_FIELDS.voiceApplicationSid.label}`, 'A SIP trunk takes the calls instead of a TwiML app: choose one of the two.');
	}
	return body;
}
