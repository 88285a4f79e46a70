import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateFieldsCollection } from '../../../shared/descriptions/common';
import { booleanField, choiceField, textField } from '../../../shared/descriptions/fields';
import { pick, updateFields } from '../../../shared/execution/parameters';
import type { ItemRun } from '../../../shared/execution/runItems';
import { compareByTable, maskedBody, readUpdateOptions, runUpdatePlan } from '../../../shared/execution/updateOptions';
import { buildUpdateBody, type UpdateField } from '../../../shared/execution/updateBody';
import { ApiClient } from '../../../shared/transport/client';
import { InputValidator } from '../../../shared/validation';
import { phoneNumberLocator } from '../../descriptions/phoneNumberLocator';
import { numberPath, requireWorkspace, type SynthflowConnection } from '../../transport';
import { unwrapNumber } from '../../transport/phoneNumbers';

const show = { resource: ['phoneNumber'], operation: ['update'] };

export const PROVIDERS = ['twilio', 'telnyx', 'vonage', 'ring_central', 'ringcx', 'custom', 'zoom', 'five9'] as const;

export const description: INodeProperties[] = [
	{ ...phoneNumberLocator, displayOptions: { show } },
	updateFieldsCollection(
		'Only the fields added here are sent; everything else on the number stays as it is',
		[
			textField('Friendly Name', 'friendlyName', { description: 'A human-readable name for the number' }),
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
			textField('SIP Auth Username', 'sipAuthUsername', { description: 'User name for SIP authentication' }),
			textField('SIP Outbound Proxy', 'sipOutboundProxy', {
				placeholder: 'e.g. sip:proxy.example.net:5060',
				description: 'SIP URI or host[:port] of the outbound proxy',
			}),
			textField('SIP Termination URI', 'sipTermUri', {
				placeholder: 'e.g. sip:+33782990580@trunk.example.net',
				description: 'Where Synthflow sends outbound calls for this number (a sip: or sips: URI)',
			}),
			{
				displayName: 'Trunk Password',
				name: 'trunkPassword',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description: 'Password of the SIP trunk; never shown in the output',
			},
			textField('Trunk Username', 'trunkUsername', { description: 'User name of the SIP trunk' }),
			booleanField(
				'UAC Enabled',
				'uacEnabled',
				'Whether Synthflow registers with the trunk as a user agent client. Turning it on needs Trunk Username and Trunk Password in the same update.',
			),
			{
				displayName: 'UAC Register Expires',
				name: 'uacRegisterExpires',
				type: 'number',
				default: 600,
				typeOptions: { minValue: 60, maxValue: 3600 },
				description: 'Seconds a SIP registration lasts (60–3600)',
			},
		],
		{ show },
	),
];

const SIP_URI = /^sips?:[^\s]+$/i;
const HOST_PORT = /^[a-z0-9.-]+(:\d{1,5})?$/i;

/** Each `updateFields` key: Synthflow's API field, display name and check. */
export const SYNTHFLOW_FIELDS: Record<string, UpdateField> = {
	friendlyName: { api: 'friendly_name', label: 'Friendly Name', check: { kind: 'text' } },
	sipAuthUsername: { api: 'sip_auth_username', label: 'SIP Auth Username', check: { kind: 'text' } },
	sipOutboundProxy: {
		api: 'sip_outbound_proxy',
		label: 'SIP Outbound Proxy',
		check: { kind: 'text', patterns: [SIP_URI, HOST_PORT], what: 'a SIP URI (sip:host) or host[:port]' },
	},
	// Synthflow's guides have users enter a bare SIP domain (sip.telnyx.com); URIs work too. Sent
	// under its own name, not the `termination_uri` alias.
	sipTermUri: {
		api: 'sip_term_uri',
		label: 'SIP Termination URI',
		check: { kind: 'text', patterns: [SIP_URI, HOST_PORT], what: 'a SIP domain (sip.example.com[:port]) or a SIP URI (sip:… or sips:…)' },
	},
	providerName: { api: 'provider_name', label: 'Provider Name', check: { kind: 'oneOf', values: PROVIDERS } },
	trunkUsername: { api: 'trunk_username', label: 'Trunk Username', check: { kind: 'text' } },
	trunkPassword: { api: 'trunk_pwd', label: 'Trunk Password', check: { kind: 'text' } },
	uacEnabled: { api: 'uac_enabled', label: 'UAC Enabled', check: { kind: 'boolean' } },
	uacRegisterExpires: { api: 'uac_register_expires', label: 'UAC Register Expires', check: { kind: 'integer', min: 60, max: 3600 } },
};

/** Synthflow's update body from exactly the fields the user added, each checked first. */
export function synthflowUpdateBody(fields: IDataObject, check: InputValidator): IDataObject {
	const body = buildUpdateBody(fields, SYNTHFLOW_FIELDS, check);
	if (body.uac_enabled === true && (!body.trunk_username || !body.trunk_pwd)) {
		check.fail(
			body.trunk_username ? 'Trunk Password' : 'Trunk Username',
			'needed when UAC Enabled is turned on',
			'Synthflow registers with the trunk using these: add Trunk Username and Trunk Password to the same update.',
		);
	}
	return body;
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	connection: SynthflowConnection,
	run: ItemRun,
): Promise<IDataObject> {
	const node = this.getNode();
	const check = new InputValidator(node, itemIndex);
	const fields = updateFields(this, itemIndex);
	const keys = Object.keys(fields);
	const bodyOf = (chosen: string[]) => synthflowUpdateBody(pick(fields, chosen), check);
	bodyOf(keys);
	const options = readUpdateOptions(this, itemIndex);
	const { slug, path } = await numberPath(this, itemIndex);
	const resource = `phone number +${slug}`;
	const password = fields.trunkPassword;
	const writeOnly = typeof password === 'string' && password !== '' ? [password] : [];
	const read = async () => {
		// Reading needs the workspace: Dry Run and Skip Unchanged say so rather than write blind.
		const workspace = requireWorkspace(node, connection, itemIndex);
		return unwrapNumber(await connection.client.requestObject<IDataObject>({ method: 'GET', path, qs: { workspace }, itemIndex, resource, writeOnly }));
	};
	const send = async (chosen: string[]) => {
		const body = bodyOf(chosen);
		const answer = await connection.client.request<unknown>({ method: 'PATCH', path, body, itemIndex, resource, writeOnly });
		const status = ApiClient.isObject(answer) && typeof answer.status === 'string' ? answer.status : 'ok';
		// One output shape whatever the credential: slug, phone_number, the number's fields in
		// Synthflow's names, and the PATCH's status. The PATCH answers only that status, so the number
		// is read back when the credential has a Workspace ID; without one, only the fields sent are
		// known (the contract: the update still succeeds) and a notice says how to get them all.
		if (connection.workspaceId) return { slug, phone_number: `+${slug}`, ...(await read()), status };
		const sent = { ...body };
		delete sent.trunk_pwd; // a secret: never output
		return {
			slug,
			phone_number: `+${slug}`,
			...sent,
			status,
			notice: 'Updated. Add the Workspace ID to the Synthflow Phone Numbers API credential to get the whole number back after each update.',
		};
	};
	return await runUpdatePlan(
		{
			keys,
			read,
			compare: (number) => compareByTable(keys, SYNTHFLOW_FIELDS, bodyOf(keys), number, undefined, ['trunkPassword']),
			// Turning UAC on needs the trunk's user name in the same request (the password is always sent).
			together: (chosen) => (chosen.includes('uacEnabled') && 'trunkUsername' in fields ? [...new Set([...chosen, 'trunkUsername', 'trunkPassword'])] : chosen),
			requests: (chosen) => [{ method: 'PATCH', path: connection.client.pathOf(path), body: maskedBody(bodyOf(chosen), ['trunk_pwd']) }],
			send,
		},
		options,
		{ run, id: slug },
	);
}
