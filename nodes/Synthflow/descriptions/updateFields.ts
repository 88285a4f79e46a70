import { booleanField, choiceField, numberField, passwordField, textField } from '../../shared/descriptions/fields';
import { updateFieldsOf, updateRow, updateTable, type UpdateRow } from '../../shared/execution/updateBody';

const SIP_URI = /^sips?:[^\s]+$/i;
const HOST_PORT = /^[a-z0-9.-]+(:\d{1,5})?$/i;

/** Each update field once: its editor property, Synthflow's API field and check. */
const UPDATE_ROWS: UpdateRow[] = [
	updateRow(textField('Friendly Name', 'friendlyName', { description: 'A human-readable name for the number' }), 'friendly_name', { kind: 'text' }),
	updateRow(textField('SIP Auth Username', 'sipAuthUsername', { description: 'User name for SIP authentication' }), 'sip_auth_username', { kind: 'text' }),
	updateRow(
		textField('SIP Outbound Proxy', 'sipOutboundProxy', {
			placeholder: 'e.g. sip:proxy.example.net:5060',
			description: 'SIP URI or host[:port] of the outbound proxy',
		}),
		'sip_outbound_proxy',
		{ kind: 'text', patterns: [SIP_URI, HOST_PORT], what: 'a SIP URI (sip:host) or host[:port]' },
	),
	// Synthflow's guides have users enter a bare SIP domain (sip.telnyx.com); URIs work too. Sent
	// under its own name, not the `termination_uri` alias.
	updateRow(
		textField('SIP Termination URI', 'sipTermUri', {
			placeholder: 'e.g. sip:+33782990580@trunk.example.net',
			description: 'Where Synthflow sends outbound calls for this number (a sip: or sips: URI)',
		}),
		'sip_term_uri',
		{ kind: 'text', patterns: [SIP_URI, HOST_PORT], what: 'a SIP domain (sip.example.com[:port]) or a SIP URI (sip:… or sips:…)' },
	),
	updateRow(
		choiceField(
			'Provider Name',
			'providerName',
			[
				['Custom SIP', 'custom'],
				['Five9', 'five9'],
				['RingCentral', 'ring_central'],
				['RingCX', 'ringcx'],
				['Telnyx', 'telnyx'],
				['Twilio', 'twilio'],
				['Vonage', 'vonage'],
				['Zoom', 'zoom'],
			],
			'custom',
			'The carrier the number comes from',
		),
		'provider_name',
	),
	updateRow(textField('Trunk Username', 'trunkUsername', { description: 'User name of the SIP trunk' }), 'trunk_username', { kind: 'text' }),
	updateRow(
		passwordField('Trunk Password', 'trunkPassword', 'Password of the SIP trunk; never shown in the output'),
		'trunk_pwd',
		{ kind: 'text' },
	),
	updateRow(
		booleanField(
			'UAC Enabled',
			'uacEnabled',
			'Whether Synthflow registers with the trunk as a user agent client. Turning it on needs Trunk Username and Trunk Password in the same update.',
		),
		'uac_enabled',
	),
	updateRow(
		numberField('UAC Register Expires', 'uacRegisterExpires', 600, [60, 3600], 'Seconds a SIP registration lasts (60–3600)'),
		'uac_register_expires',
	),
];

export const SYNTHFLOW_FIELDS = updateTable(UPDATE_ROWS);

export const updateFieldsProperty = updateFieldsOf('Only the fields added here are sent; everything else on the number stays as it is', UPDATE_ROWS);
