/**
 * The bad-input set: each case must fail before any request reaches the provider, as a
 * NodeOperationError that names the field and carries the item index, with no secret in it.
 */
import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { type Sandbox } from '../../sandbox';
import { CLOSE_KEYS } from '../../sandbox/close/data';
import { SIGNALWIRE_PROJECT } from '../../sandbox/signalwire/data';
import { SYNTHFLOW_KEYS } from '../../sandbox/synthflow/data';
import { useSandbox } from '../harness/sandbox';
import { closeCredentials } from '../../sandbox/close/provider';
import { signalWireCredentials } from '../../sandbox/signalwire/provider';
import { synthflowCredentials } from '../../sandbox/synthflow/provider';
import { runNode, type NodeName } from '../harness/runNode';

const sandbox = useSandbox();

const HOSTILE_IDS: Array<[string, unknown]> = [
	['dot-dot slash', '../me'],
	['encoded dot-dot', '%2e%2e/'],
	['query', 'abc?x=1'],
	['fragment', 'abc#frag'],
	['encoded slash', 'abc%2Fdef'],
	['10 kB', 'a'.repeat(10_000)],
	['unicode', 'phön_☎️'],
	['null byte', 'abc\u0000def'],
	['object', { id: 1 }],
	['list', ['a', 'b']],
	['empty', ''],
];

type Case = [string, NodeName, string, (s: Sandbox) => INodeParameters, (s: Sandbox) => Record<string, ICredentialDataDecryptedObject>, string];

const closeUpdate = (fields: IDataObject) => (s: Sandbox): INodeParameters => ({
	resource: 'phoneNumber',
	operation: 'update',
	phoneNumber: { __rl: true, mode: 'id', value: s.state.close.phoneNumbers[0].id },
	updateFields: fields as never,
});
const swUpdate = (fields: IDataObject) => (s: Sandbox): INodeParameters => ({
	resource: 'phoneNumber',
	operation: 'update',
	phoneNumber: { __rl: true, mode: 'id', value: s.state.signalwire.numbers[0].id },
	updateFields: fields as never,
});
const sfUpdate = (fields: IDataObject) => (s: Sandbox): INodeParameters => ({
	resource: 'phoneNumber',
	operation: 'update',
	phoneNumber: { __rl: true, mode: 'number', value: s.state.synthflow.numbers[0].phone_number },
	updateFields: fields as never,
});
const expr = (value: unknown) => `={{ ${JSON.stringify(value)} }}`;

const cases: Case[] = [];
for (const [name, value] of HOSTILE_IDS) {
	cases.push([`close id: ${name}`, 'close', 'closePhoneNumbersApi', () => ({ resource: 'phoneNumber', operation: 'update', phoneNumber: { __rl: true, mode: 'id', value: expr(value) }, updateFields: { label: 'x' } }), closeCredentials, 'Phone Number']);
	cases.push([`signalWire id: ${name}`, 'signalWire', 'signalWirePhoneNumbersApi', () => ({ resource: 'phoneNumber', operation: 'get', phoneNumber: { __rl: true, mode: 'id', value: expr(value) } }), signalWireCredentials, 'Phone Number']);
	cases.push([`synthflow number: ${name}`, 'synthflow', 'synthflowPhoneNumbersApi', () => ({ resource: 'phoneNumber', operation: 'update', phoneNumber: { __rl: true, mode: 'id', value: expr(value) }, updateFields: { friendlyName: 'x' } }), synthflowCredentials, 'Phone Number']);
}
const closeFields: Array<[IDataObject, string]> = [
	[{}, 'Update Fields'],
	[{ forwardTo: '16502221111' }, 'Forward To'],
	[{ forwardTo: expr(16502221111) }, 'Forward To'],
	[{ voicemailGreetingUrl: 'http://example.com/a.mp3' }, 'Voicemail Greeting URL'],
	[{ inboundRingDuration: 5 }, 'Inbound Ring Duration'],
	[{ inboundRingDuration: expr('thirty') }, 'Inbound Ring Duration'],
	[{ participants: expr([{ id: 'user_1' }]) }, 'Participant'],
	[{ participants: 'user_ok, nobody' }, 'Participant'],
	[{ phoneNumbers: expr(['+1650', '+16503334444']) }, 'Phone Number Names or IDs'],
	[{ phoneNumbers: expr({ number: '+16503334444' }) }, 'Phone Number Names or IDs'],
	[{ forwardToEnabled: expr('maybe') }, 'Forward To Enabled'],
	[{ label: expr({ text: 'x' }) }, 'Label'],
];
for (const [fields, field] of closeFields) cases.push([`close ${JSON.stringify(fields)}`, 'close', 'closePhoneNumbersApi', closeUpdate(fields), closeCredentials, field]);
const swFields: Array<[IDataObject, string]> = [
	[{}, 'Update Fields'],
	[{ callHandler: 'laml_webhooks' }, 'Call Request URL'],
	[{ callHandler: 'video_room' }, 'Call Video Room'],
	[{ messageHandler: 'laml_application' }, 'Message LaML Application'],
	[{ callHandler: 'sip' }, 'Call Handler'],
	[{ callReceiveMode: 'text' }, 'Call Receive Mode'],
	[{ callRequestMethod: 'DELETE' }, 'Call Request Method'],
	[{ callRequestUrl: 'example.com/voice' }, 'Call Request URL'],
	[{ messageFallbackUrl: 'mailto:a@example.com' }, 'Message Fallback URL'],
	[{ callSipEndpointId: 'desk-01' }, 'Call SIP Endpoint'],
	[{ callVideoRoomId: expr(42) }, 'Call Video Room'],
	[{ name: expr(['a']) }, 'Name'],
];
for (const [fields, field] of swFields) cases.push([`signalWire ${JSON.stringify(fields)}`, 'signalWire', 'signalWirePhoneNumbersApi', swUpdate(fields), signalWireCredentials, field]);
const sfFields: Array<[IDataObject, string]> = [
	[{}, 'Update Fields'],
	[{ providerName: 'plivo' }, 'Provider Name'],
	[{ uacRegisterExpires: 30 }, 'UAC Register Expires'],
	[{ uacRegisterExpires: 7200 }, 'UAC Register Expires'],
	[{ uacEnabled: true, trunkPassword: 'p' }, 'Trunk Username'],
	[{ uacEnabled: true, trunkUsername: 'u' }, 'Trunk Password'],
	[{ sipTermUri: 'trunk example.net' }, 'SIP Termination URI'],
	[{ sipTermUri: 'https://trunk.example.net/sip' }, 'SIP Termination URI'],
	[{ sipOutboundProxy: 'http://proxy/' }, 'SIP Outbound Proxy'],
	[{ uacEnabled: expr('yes') }, 'UAC Enabled'],
];
for (const [fields, field] of sfFields) cases.push([`synthflow ${JSON.stringify(fields)}`, 'synthflow', 'synthflowPhoneNumbersApi', sfUpdate(fields), synthflowCredentials, field]);
cases.push(['close getAll: number filter', 'close', 'closePhoneNumbersApi', () => ({ resource: 'phoneNumber', operation: 'getAll', returnAll: true, filters: { number: 'abc' } }), closeCredentials, 'Number']);
cases.push(['close getAll: type filter', 'close', 'closePhoneNumbersApi', () => ({ resource: 'phoneNumber', operation: 'getAll', returnAll: true, filters: { type: expr('mobile') } }), closeCredentials, 'Type']);
cases.push(['synthflow getAll: no workspace', 'synthflow', 'synthflowPhoneNumbersApi', () => ({ resource: 'phoneNumber', operation: 'getAll', returnAll: true }), (s) => synthflowCredentials(s, { workspaceId: null }), 'Workspace ID']);

const SECRETS = [CLOSE_KEYS.adminA, SIGNALWIRE_PROJECT.apiToken, SYNTHFLOW_KEYS.main];

it('holds at least 60 cases', () => {
	expect(cases.length).toBeGreaterThanOrEqual(60);
});

it.each(cases)('%s fails before any request', async (_name, node, _type, parameters, credentials, field) => {
	const result = await runNode({ node, parameters: parameters(sandbox()), credentials: credentials(sandbox()) });
	expect(sandbox().requests).toHaveLength(0);
	expect(result.error?.name).toBe('NodeOperationError');
	expect(`${result.error?.message} ${result.error?.description ?? ''}`).toContain(field);
	expect(result.error?.message).not.toContain('[object Object]');
	expect(result.error?.context?.itemIndex).toBe(0);
	const text = JSON.stringify(result.error);
	for (const secret of SECRETS) expect(text).not.toContain(secret);
});
