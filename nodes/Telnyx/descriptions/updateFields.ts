import type { INodeProperties } from 'n8n-workflow';

import { accountDropdown, booleanField, choiceField, passwordField, textField } from '../../shared/descriptions/fields';
import { updateFieldsOf, updateRow, updateTable, type FieldCheck, type UpdateRow } from '../../shared/execution/updateBody';
import { CONNECTION_ID } from '../transport';

/** The three requests one update spans, in the order they are sent. */
export const UPDATE_GROUPS = ['number settings', 'voice settings', 'messaging settings'] as const;
export type UpdateGroup = (typeof UPDATE_GROUPS)[number];

const NUMBER: UpdateGroup = 'number settings';
const VOICE: UpdateGroup = 'voice settings';
const MESSAGING: UpdateGroup = 'messaging settings';

/** A row of one of the three requests; without a check, the property's own limits are the check. */
const inRequest = (group: UpdateGroup) => (property: INodeProperties, api: string, check?: FieldCheck) => updateRow(property, api, check, group);
const numberSetting = inRequest(NUMBER);
const voiceSetting = inRequest(VOICE);
const messagingSetting = inRequest(MESSAGING);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * Each update field once: its editor property, API field (dotted for Telnyx's nested voice objects),
 * check and the request it goes in. IDs of connections and applications are numeric strings;
 * messaging profiles and billing groups are UUIDs. No length limits that Telnyx's spec does not
 * have: Telnyx's own 422 speaks for them.
 */
const UPDATE_ROWS: UpdateRow[] = [
	numberSetting(
		textField('Tags', 'tags', {
			placeholder: 'e.g. sales, east',
			description: "Comma-separated tags; they replace the number's tags, empty removes them all (number setting)",
		}),
		'tags',
		{ kind: 'list', pattern: /^[^,]+$/, what: 'a tag' },
	),
	// Unassigning: the API documents neither null nor "" here; null is JSON's "no value".
	numberSetting(
		accountDropdown(
			'Connection Name or ID',
			'connectionId',
			'getConnections',
			'The SIP connection, Call Control application or TeXML application that takes its calls; empty removes it (number setting)',
		),
		'connection_id',
		{ kind: 'id', pattern: CONNECTION_ID, example: '1293384261075731499', empty: null },
	),
	numberSetting(
		accountDropdown('Billing Group Name or ID', 'billingGroupId', 'getBillingGroups', 'The billing group its costs are reported under; empty removes it (number setting)'),
		'billing_group_id',
		{ kind: 'id', pattern: UUID, example: 'f5586561-8ff0-4291-a0ac-84fe544797bd', empty: null },
	),
	numberSetting(textField('Customer Reference', 'customerReference', { description: 'Your own reference for the number (number setting)' }), 'customer_reference', { kind: 'text' }),
	numberSetting(
		passwordField('External PIN', 'externalPin', 'The PIN a carrier must give to port the number away from Telnyx (number setting)'),
		'external_pin',
		{ kind: 'text' },
	),
	numberSetting(booleanField('HD Voice Enabled', 'hdVoiceEnabled', 'Whether HD voice is on for the number (number setting)'), 'hd_voice_enabled'),

	voiceSetting(
		booleanField('Call Forwarding Enabled', 'callForwardingEnabled', 'Whether call forwarding is on: inbound calls go to the Forwards To number (voice setting)', true),
		'call_forwarding.call_forwarding_enabled',
	),
	voiceSetting(
		textField('Forwards To', 'forwardsTo', {
			placeholder: 'e.g. +13125550100',
			description: 'The number inbound calls are forwarded to (call forwarding), in E.164 format; empty stops forwarding (voice setting)',
		}),
		'call_forwarding.forwards_to',
		{ kind: 'text', patterns: [E164], what: 'a phone number in E.164 format (+13125550100)' },
	),
	voiceSetting(
		choiceField(
			'Forwarding Type',
			'forwardingType',
			[
				['Always', 'always', 'Every inbound call goes to Forwards To'],
				['On Failure', 'on-failure', 'Only calls the connection cannot take'],
			],
			'always',
			'When calls are forwarded (voice setting)',
		),
		'call_forwarding.forwarding_type',
	),
	voiceSetting(
		booleanField(
			'CNAM Listing Enabled',
			'cnamListingEnabled',
			'Whether the number is listed with a caller name (voice setting). Turning it on needs CNAM Listing Details in the same update.',
		),
		'cnam_listing.cnam_listing_enabled',
	),
	voiceSetting(
		textField('CNAM Listing Details', 'cnamListingDetails', {
			placeholder: 'e.g. ACME SUPPORT',
			description: 'The name shown to people you call, at most 15 letters, digits or spaces (voice setting). Needs CNAM Listing Enabled on in the same update.',
		}),
		'cnam_listing.cnam_listing_details',
		{ kind: 'text', maxLength: 15, patterns: [/^[A-Za-z0-9 ]{1,15}$/], what: 'at most 15 letters, digits or spaces' },
	),
	voiceSetting(
		booleanField('Caller ID Name Enabled', 'callerIdNameEnabled', "Whether the caller's name (CNAM) is looked up for inbound calls, charged per lookup (voice setting)"),
		'caller_id_name_enabled',
	),
	voiceSetting(
		booleanField('Inbound Call Recording Enabled', 'inboundCallRecordingEnabled', 'Whether inbound calls are recorded (voice setting)'),
		'call_recording.inbound_call_recording_enabled',
	),
	voiceSetting(
		choiceField(
			'Inbound Call Recording Format',
			'inboundCallRecordingFormat',
			[
				['MP3', 'mp3'],
				['WAV', 'wav'],
			],
			'wav',
			'File format of inbound call recordings (voice setting)',
		),
		'call_recording.inbound_call_recording_format',
	),
	voiceSetting(
		choiceField(
			'Inbound Call Recording Channels',
			'inboundCallRecordingChannels',
			[
				['Single', 'single', 'Both sides mixed in one channel'],
				['Dual', 'dual', 'Each side in its own channel'],
			],
			'single',
			'How the two sides of a recorded call are kept (voice setting)',
		),
		'call_recording.inbound_call_recording_channels',
	),
	voiceSetting(
		choiceField(
			'Inbound Call Screening',
			'inboundCallScreening',
			[
				['Disabled', 'disabled'],
				['Flag Calls', 'flag_calls', 'Likely spam calls come through, marked'],
				['Reject Calls', 'reject_calls', 'Likely spam calls are rejected'],
			],
			'disabled',
			'Screening of likely spam calls (voice setting). Turning it on costs extra every month for the number (see Telnyx pricing).',
		),
		'inbound_call_screening',
	),
	voiceSetting(
		booleanField('Tech Prefix Enabled', 'techPrefixEnabled', 'Whether a tech prefix is expected on calls to the number (voice setting)'),
		'tech_prefix_enabled',
	),
	voiceSetting(
		textField('Translated Number', 'translatedNumber', { description: 'What the dialed number is rewritten to before the call reaches you (voice setting)' }),
		'translated_number',
		{ kind: 'text' },
	),
	voiceSetting(
		choiceField(
			'Usage Payment Method',
			'usagePaymentMethod',
			[
				['Channel', 'channel', 'Calls use channels you pay for each month'],
				['Pay Per Minute', 'pay-per-minute'],
			],
			'pay-per-minute',
			'How inbound calls are billed (voice setting)',
		),
		'usage_payment_method',
	),

	// "" unassigns the profile (null would keep it); a UUID assigns one.
	messagingSetting(
		accountDropdown('Messaging Profile Name or ID', 'messagingProfileId', 'getMessagingProfiles', 'The profile that sends and receives its messages; empty removes it (messaging setting)'),
		'messaging_profile_id',
		{ kind: 'id', pattern: UUID, example: '4001767e-ce0f-4cae-9d5f-0d5e636e7809' },
	),
	messagingSetting(
		textField('Messaging Product', 'messagingProduct', {
			placeholder: 'e.g. P2P',
			description: "The product the number's messages are sent under, one of its eligible products (messaging setting)",
		}),
		'messaging_product',
		{ kind: 'text', maxLength: 32, patterns: [/^[A-Za-z0-9_-]+$/], what: 'a messaging product such as P2P or A2P' },
	),
];

export const TELNYX_FIELDS = updateTable(UPDATE_ROWS);

export const updateFieldsProperty = updateFieldsOf(
	'Only the fields added here are sent: number settings, voice settings and messaging settings each go to their own Telnyx endpoint, in that order, and only when one of their fields is added',
	UPDATE_ROWS,
);
