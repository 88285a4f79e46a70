import { updateFieldsCollection } from '../../shared/descriptions/common';
import type { UpdateField } from '../../shared/execution/updateBody';
import { NUMERIC_ID } from '../transport';

/** The three requests one update spans, in the order they are sent. */
export const UPDATE_GROUPS = ['number settings', 'voice settings', 'messaging settings'] as const;
export type UpdateGroup = (typeof UPDATE_GROUPS)[number];

const NUMBER: UpdateGroup = 'number settings';
const VOICE: UpdateGroup = 'voice settings';
const MESSAGING: UpdateGroup = 'messaging settings';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * Each `updateFields` key: its API field (dotted for Telnyx's nested voice objects), display name,
 * check and the request it goes in. IDs of connections and applications are numeric strings;
 * messaging profiles and billing groups are UUIDs.
 */
export const TELNYX_FIELDS: Record<string, UpdateField> = {
	tags: { api: 'tags', label: 'Tags', group: NUMBER, check: { kind: 'list', pattern: /^[^,]{1,100}$/, what: 'a tag' } },
	// Unassigning: the API documents neither null nor "" here; null is JSON's "no value".
	connectionId: { api: 'connection_id', label: 'Connection Name or ID', group: NUMBER, check: { kind: 'id', pattern: NUMERIC_ID, example: '1293384261075731499', empty: null } },
	billingGroupId: { api: 'billing_group_id', label: 'Billing Group Name or ID', group: NUMBER, check: { kind: 'id', pattern: UUID, example: 'f5586561-8ff0-4291-a0ac-84fe544797bd', empty: null } },
	customerReference: { api: 'customer_reference', label: 'Customer Reference', group: NUMBER, check: { kind: 'text', maxLength: 255 } },
	externalPin: { api: 'external_pin', label: 'External PIN', group: NUMBER, check: { kind: 'text', maxLength: 32 } },
	hdVoiceEnabled: { api: 'hd_voice_enabled', label: 'HD Voice Enabled', group: NUMBER, check: { kind: 'boolean' } },

	callForwardingEnabled: { api: 'call_forwarding.call_forwarding_enabled', label: 'Call Forwarding Enabled', group: VOICE, check: { kind: 'boolean' } },
	forwardsTo: { api: 'call_forwarding.forwards_to', label: 'Forwards To', group: VOICE, check: { kind: 'text', patterns: [E164], what: 'a phone number in E.164 format (+13125550100)' } },
	forwardingType: { api: 'call_forwarding.forwarding_type', label: 'Forwarding Type', group: VOICE, check: { kind: 'oneOf', values: ['always', 'on-failure'] } },
	cnamListingEnabled: { api: 'cnam_listing.cnam_listing_enabled', label: 'CNAM Listing Enabled', group: VOICE, check: { kind: 'boolean' } },
	cnamListingDetails: {
		api: 'cnam_listing.cnam_listing_details',
		label: 'CNAM Listing Details',
		group: VOICE,
		check: { kind: 'text', maxLength: 15, patterns: [/^[A-Za-z0-9 ]{1,15}$/], what: 'at most 15 letters, digits or spaces' },
	},
	callerIdNameEnabled: { api: 'caller_id_name_enabled', label: 'Caller ID Name Enabled', group: VOICE, check: { kind: 'boolean' } },
	inboundCallRecordingEnabled: { api: 'call_recording.inbound_call_recording_enabled', label: 'Inbound Call Recording Enabled', group: VOICE, check: { kind: 'boolean' } },
	inboundCallRecordingFormat: { api: 'call_recording.inbound_call_recording_format', label: 'Inbound Call Recording Format', group: VOICE, check: { kind: 'oneOf', values: ['wav', 'mp3'] } },
	inboundCallRecordingChannels: { api: 'call_recording.inbound_call_recording_channels', label: 'Inbound Call Recording Channels', group: VOICE, check: { kind: 'oneOf', values: ['single', 'dual'] } },
	inboundCallScreening: { api: 'inbound_call_screening', label: 'Inbound Call Screening', group: VOICE, check: { kind: 'oneOf', values: ['disabled', 'reject_calls', 'flag_calls'] } },
	techPrefixEnabled: { api: 'tech_prefix_enabled', label: 'Tech Prefix Enabled', group: VOICE, check: { kind: 'boolean' } },
	translatedNumber: { api: 'translated_number', label: 'Translated Number', group: VOICE, check: { kind: 'text', maxLength: 64 } },
	usagePaymentMethod: { api: 'usage_payment_method', label: 'Usage Payment Method', group: VOICE, check: { kind: 'oneOf', values: ['pay-per-minute', 'channel'] } },

	// "" unassigns the profile (null would keep it); a UUID assigns one.
	messagingProfileId: { api: 'messaging_profile_id', label: 'Messaging Profile Name or ID', group: MESSAGING, check: { kind: 'id', pattern: UUID, example: '4001767e-ce0f-4cae-9d5f-0d5e636e7809' } },
	messagingProduct: { api: 'messaging_product', label: 'Messaging Product', group: MESSAGING, check: { kind: 'text', maxLength: 32, patterns: [/^[A-Za-z0-9_-]+$/], what: 'a messaging product such as P2P or A2P' } },
};

export const updateFieldsProperty = updateFieldsCollection(
	'Only the fields added here are sent: number settings, voice settings and messaging settings each go to their own Telnyx endpoint, in that order, and only when one of their fields is added',
	[
		{
			displayName: 'Billing Group Name or ID',
			name: 'billingGroupId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getBillingGroups' },
			default: '',
			description:
				'Number setting: the billing group its costs are reported under; empty removes it. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Call Forwarding Enabled',
			name: 'callForwardingEnabled',
			type: 'boolean',
			default: true,
			description: 'Whether inbound calls may be forwarded (voice setting)',
		},
		{
			displayName: 'Caller ID Name Enabled',
			name: 'callerIdNameEnabled',
			type: 'boolean',
			default: false,
			description: "Whether the caller's name (CNAM) is looked up for inbound calls, charged per lookup (voice setting)",
		},
		{
			displayName: 'CNAM Listing Details',
			name: 'cnamListingDetails',
			type: 'string',
			default: '',
			placeholder: 'e.g. ACME SUPPORT',
			description: 'Voice setting: the name shown to people you call, at most 15 letters, digits or spaces. Needs CNAM Listing Enabled on in the same update.',
		},
		{
			displayName: 'CNAM Listing Enabled',
			name: 'cnamListingEnabled',
			type: 'boolean',
			default: false,
			description: 'Whether the number is listed with a caller name (voice setting). Turning it on needs CNAM Listing Details in the same update.',
		},
		{
			displayName: 'Connection Name or ID',
			name: 'connectionId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getConnections' },
			default: '',
			description:
				'Number setting: the SIP connection, Call Control application or TeXML application that takes its calls; empty removes it. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Customer Reference',
			name: 'customerReference',
			type: 'string',
			default: '',
			description: 'Number setting: your own reference for the number',
		},
		{
			displayName: 'External PIN',
			name: 'externalPin',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Number setting: the PIN a carrier must give to port the number away from Telnyx',
		},
		{
			displayName: 'Forwarding Type',
			name: 'forwardingType',
			type: 'options',
			options: [
				{ name: 'Always', value: 'always', description: 'Every inbound call goes to Forwards To' },
				{ name: 'On Failure', value: 'on-failure', description: 'Only calls the connection cannot take' },
			],
			default: 'always',
			description: 'When calls are forwarded (voice setting)',
		},
		{
			displayName: 'Forwards To',
			name: 'forwardsTo',
			type: 'string',
			default: '',
			placeholder: '+13125550100',
			description: 'Voice setting: the number inbound calls are forwarded to, in E.164 format; empty stops forwarding',
		},
		{
			displayName: 'HD Voice Enabled',
			name: 'hdVoiceEnabled',
			type: 'boolean',
			default: false,
			description: 'Whether HD voice is on for the number (number setting)',
		},
		{
			displayName: 'Inbound Call Recording Channels',
			name: 'inboundCallRecordingChannels',
			type: 'options',
			options: [
				{ name: 'Single', value: 'single', description: 'Both sides mixed in one channel' },
				{ name: 'Dual', value: 'dual', description: 'Each side in its own channel' },
			],
			default: 'single',
			description: 'Voice setting',
		},
		{
			displayName: 'Inbound Call Recording Enabled',
			name: 'inboundCallRecordingEnabled',
			type: 'boolean',
			default: false,
			description: 'Whether inbound calls are recorded (voice setting)',
		},
		{
			displayName: 'Inbound Call Recording Format',
			name: 'inboundCallRecordingFormat',
			type: 'options',
			options: [
				{ name: 'MP3', value: 'mp3' },
				{ name: 'WAV', value: 'wav' },
			],
			default: 'wav',
			description: 'Voice setting',
		},
		{
			displayName: 'Inbound Call Screening',
			name: 'inboundCallScreening',
			type: 'options',
			options: [
				{ name: 'Disabled', value: 'disabled' },
				{ name: 'Flag Calls', value: 'flag_calls', description: 'Likely spam calls come through, marked' },
				{ name: 'Reject Calls', value: 'reject_calls', description: 'Likely spam calls are rejected' },
			],
			default: 'disabled',
			description: 'Voice setting: screening of likely spam calls. Turning it on costs extra every month for the number (see Telnyx pricing).',
		},
		{
			displayName: 'Messaging Product',
			name: 'messagingProduct',
			type: 'string',
			default: '',
			placeholder: 'e.g. P2P',
			description: "Messaging setting: the product the number's messages are sent under, one of its eligible products",
		},
		{
			displayName: 'Messaging Profile Name or ID',
			name: 'messagingProfileId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getMessagingProfiles' },
			default: '',
			description:
				'Messaging setting: the profile that sends and receives its messages; empty removes it. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Tags',
			name: 'tags',
			type: 'string',
			default: '',
			placeholder: 'e.g. sales, east',
			description: "Number setting: comma-separated tags; they replace the number's tags, empty removes them all",
		},
		{
			displayName: 'Tech Prefix Enabled',
			name: 'techPrefixEnabled',
			type: 'boolean',
			default: false,
			description: 'Whether a tech prefix is expected on calls to the number (voice setting)',
		},
		{
			displayName: 'Translated Number',
			name: 'translatedNumber',
			type: 'string',
			default: '',
			description: 'Voice setting: what the dialed number is rewritten to before the call reaches you',
		},
		{
			displayName: 'Usage Payment Method',
			name: 'usagePaymentMethod',
			type: 'options',
			options: [
				{ name: 'Channel', value: 'channel', description: 'Calls use channels you pay for each month' },
				{ name: 'Pay Per Minute', value: 'pay-per-minute' },
			],
			default: 'pay-per-minute',
			description: 'How inbound calls are billed (voice setting)',
		},
	],
);
