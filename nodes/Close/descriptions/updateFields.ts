import { accountMultiDropdown, booleanField, numberField, textField } from '../../shared/descriptions/fields';
import { updateFieldsOf, updateRow, updateTable, type UpdateRow } from '../../shared/execution/updateBody';

/** Each update field once: its editor property, Close's API field and check (Close's update schema). */
const UPDATE_ROWS: UpdateRow[] = [
	updateRow(textField('Label', 'label', { description: 'Name shown for the number in Close' }), 'label', { kind: 'text' }),
	// A string in Close's update schema: null and '' are refused (forwarding stops with the flag).
	updateRow(
		textField('Forward To', 'forwardTo', {
			placeholder: 'e.g. +16502221111',
			description: 'The number calls are forwarded to (call forwarding), in E.164 format. To stop forwarding, add Forward To Enabled and turn it off.',
		}),
		'forward_to',
		{
			kind: 'e164',
			emptyHint: 'Close needs a number here (E.164, e.g. +16502221111). To stop forwarding, remove Forward To and add Forward To Enabled, turned off.',
		},
	),
	updateRow(booleanField('Forward To Enabled', 'forwardToEnabled', 'Whether call forwarding is on: calls go to the Forward To number', true), 'forward_to_enabled'),
	// The one nullable field: empty sends null, which removes the greeting.
	updateRow(
		textField('Voicemail Greeting URL', 'voicemailGreetingUrl', {
			placeholder: 'e.g. https://example.com/greeting.mp3',
			description: 'HTTPS URL of an MP3 recording to play as the voicemail greeting. Leave empty to remove the greeting.',
		}),
		'voicemail_greeting_url',
		{ kind: 'url', protocols: ['https:'], empty: null },
	),
	updateRow(
		accountMultiDropdown('Participant Names or IDs', 'participants', 'getUsers', 'Users who ring on this group number; replaces the current list'),
		'participants',
		{ kind: 'list', pattern: /^user_[A-Za-z0-9]+$/, what: 'a Close user ID (user_…)' },
	),
	updateRow(
		accountMultiDropdown(
			'Phone Number Names or IDs',
			'phoneNumbers',
			'getExternalNumbers',
			'External numbers (E.164) that ring on this group number: your external numbers in Close are listed; any other number goes in an expression, as a list or comma-separated',
		),
		'phone_numbers',
		{ kind: 'list' },
	),
	updateRow(booleanField('Press 1 To Accept', 'press1ToAccept', 'Whether a forwarded call must be accepted by pressing 1'), 'press_1_to_accept'),
	updateRow(
		numberField('Inbound Ring Duration', 'inboundRingDuration', 30, [15, 90], 'How many seconds an incoming call rings before it goes to voicemail (15–90)'),
		'inbound_ring_duration',
	),
];

export const CLOSE_FIELDS = updateTable(UPDATE_ROWS);

export const updateFieldsProperty = updateFieldsOf('Only the fields added here are sent; everything else on the number stays as it is', UPDATE_ROWS);
