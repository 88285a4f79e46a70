import type { IDataObject } from 'n8n-workflow';

import { SIGNALWIRE_PROJECT } from '../../sandbox/signalwire/data';
import { requestsTo, useSandbox } from '../harness/sandbox';
import { signalWireCredentials } from '../../sandbox/signalwire/provider';
import { runNode } from '../harness/runNode';

const sandbox = useSandbox();

function number(index: number) {
	return sandbox().state.signalwire.numbers[index];
}

function update(id: string, updateFields: IDataObject, credentials = signalWireCredentials(sandbox())) {
	return runNode({
		node: 'signalWire',
		parameters: {
			resource: 'phoneNumber',
			operation: 'update',
			phoneNumber: { __rl: true, mode: 'id', value: id },
			updateFields: updateFields as never,
			options: { retryDelayMs: 5 },
		},
		credentials,
	});
}

describe('SignalWire: update a phone number', () => {
	it('PUTs exactly the fields set, with Basic project:token auth, and outputs the number', async () => {
		const target = number(0);
		const result = await update(target.id, { name: 'Main line' });
		expect(result.error).toBeUndefined();
		const sent = requestsTo(sandbox(), 'signalwire');
		expect(sent).toHaveLength(1);
		expect(sent[0].method).toBe('PUT');
		expect(sent[0].path).toBe(`/api/relay/rest/phone_numbers/${target.id}`);
		expect(sent[0].body).toEqual({ name: 'Main line' });
		expect(sent[0].headers.authorization).toBe(
			`Basic ${Buffer.from(`${SIGNALWIRE_PROJECT.projectId}:${SIGNALWIRE_PROJECT.apiToken}`).toString('base64')}`,
		);
		expect(result.json[0]).toMatchObject({ id: target.id, name: 'Main line', number: target.number });
		expect(target.name).toBe('Main line');
	});

	const sip = () => sandbox().state.signalwire.sipEndpoints[3].id;
	const room = () => sandbox().state.signalwire.videoRooms[2].id;
	const laml = () => sandbox().state.signalwire.lamlApplications[1].sid;
	const handlerCases: Array<[string, () => IDataObject, IDataObject | (() => IDataObject)]> = [
		[
			'laml_webhooks',
			() => ({
				callHandler: 'laml_webhooks',
				callRequestUrl: 'https://hooks.example.com/voice',
				callRequestMethod: 'GET',
				callFallbackUrl: 'https://hooks.example.com/fallback',
				callFallbackMethod: 'POST',
				callStatusCallbackUrl: 'http://hooks.example.com/status',
				callStatusCallbackMethod: 'GET',
			}),
			{
				call_handler: 'laml_webhooks',
				call_request_url: 'https://hooks.example.com/voice',
				call_request_method: 'GET',
				call_fallback_url: 'https://hooks.example.com/fallback',
				call_fallback_method: 'POST',
				call_status_callback_url: 'http://hooks.example.com/status',
				call_status_callback_method: 'GET',
			},
		],
		['laml_application', () => ({ callHandler: 'laml_application', callLamlApplicationId: laml() }), () => ({ call_handler: 'laml_application', call_laml_application_id: laml() })],
		['dialogflow', () => ({ callHandler: 'dialogflow', callDialogflowAgentId: 'agent-1' }), { call_handler: 'dialogflow', call_dialogflow_agent_id: 'agent-1' }],
		[
			'relay_topic',
			() => ({ callHandler: 'relay_topic', callRelayTopic: 'office', callRelayTopicStatusCallbackUrl: 'https://hooks.example.com/t' }),
			{ call_handler: 'relay_topic', call_relay_topic: 'office', call_relay_topic_status_callback_url: 'https://hooks.example.com/t' },
		],
		['relay_script', () => ({ callHandler: 'relay_script', callRelayScriptUrl: 'https://hooks.example.com/a.swml' }), { call_handler: 'relay_script', call_relay_script_url: 'https://hooks.example.com/a.swml' }],
		['relay_application', () => ({ callHandler: 'relay_application', callRelayApplication: 'relay-app-3' }), { call_handler: 'relay_application', call_relay_application: 'relay-app-3' }],
		['relay_connector', () => ({ callHandler: 'relay_connector', callRelayConnectorId: 'conn-9' }), { call_handler: 'relay_connector', call_relay_connector_id: 'conn-9' }],
		['relay_sip_endpoint', () => ({ callHandler: 'relay_sip_endpoint', callSipEndpointId: sip() }), () => ({ call_handler: 'relay_sip_endpoint', call_sip_endpoint_id: sip() })],
		['relay_verto_endpoint', () => ({ callHandler: 'relay_verto_endpoint', callVertoResource: 'desk-verto' }), { call_handler: 'relay_verto_endpoint', call_verto_resource: 'desk-verto' }],
		['video_room', () => ({ callHandler: 'video_room', callVideoRoomId: room() }), () => ({ call_handler: 'video_room', call_video_room_id: room() })],
		['voice/fax receive mode', () => ({ callReceiveMode: 'fax' }), { call_receive_mode: 'fax' }],
		[
			'message laml_webhooks',
			() => ({
				messageHandler: 'laml_webhooks',
				messageRequestUrl: 'https://hooks.example.com/sms',
				messageRequestMethod: 'GET',
				messageFallbackUrl: 'https://hooks.example.com/sms-fallback',
				messageFallbackMethod: 'POST',
			}),
			{
				message_handler: 'laml_webhooks',
				message_request_url: 'https://hooks.example.com/sms',
				message_request_method: 'GET',
				message_fallback_url: 'https://hooks.example.com/sms-fallback',
				message_fallback_method: 'POST',
			},
		],
		['message laml_application', () => ({ messageHandler: 'laml_application', messageLamlApplicationId: laml() }), () => ({ message_handler: 'laml_application', message_laml_application_id: laml() })],
		['message relay_topic', () => ({ messageHandler: 'relay_topic', messageRelayTopic: 'sms-office' }), { message_handler: 'relay_topic', message_relay_topic: 'sms-office' }],
		['message relay_application', () => ({ messageHandler: 'relay_application', messageRelayApplication: 'relay-app-1' }), { message_handler: 'relay_application', message_relay_application: 'relay-app-1' }],
		// The deprecated handlers come with their field, so they can be chosen at all.
		['relay_context', () => ({ callHandler: 'relay_context', callRelayContext: 'office' }), { call_handler: 'relay_context', call_relay_context: 'office' }],
		['message relay_context', () => ({ messageHandler: 'relay_context', messageRelayContext: 'sms' }), { message_handler: 'relay_context', message_relay_context: 'sms' }],
		// AI agents and call flows, as SignalWire's official SDK sends them.
		['ai_agent', () => ({ callHandler: 'ai_agent', callAiAgentId: 'agent-7' }), { call_handler: 'ai_agent', call_ai_agent_id: 'agent-7' }],
		[
			'call_flow',
			() => ({ callHandler: 'call_flow', callFlowId: 'flow-1', callFlowVersion: 'working_copy' }),
			{ call_handler: 'call_flow', call_flow_id: 'flow-1', call_flow_version: 'working_copy' },
		],
	];

	it.each([
		['callHandler', 'laml_application', 'Call LaML Application Name or ID', 'LaML Application'],
		['callHandler', 'relay_context', 'Call Relay Context', 'Relay Context (Deprecated)'],
		['callHandler', 'ai_agent', 'Call AI Agent Name or ID', 'AI Agent'],
		['callHandler', 'call_flow', 'Call Flow ID', 'Call Flow'],
		['messageHandler', 'relay_context', 'Message Relay Context', 'Relay Context (Deprecated)'],
	])('refuses %s %s without its field, naming the handler as the editor shows it', async (key, handler, field, shown) => {
		const result = await update(number(6).id, { [key]: handler });
		expect(result.error?.message).toBe(`${field}: needed when ${key === 'callHandler' ? 'Call' : 'Message'} Handler is "${shown}"`);
		expect(requestsTo(sandbox(), 'signalwire')).toHaveLength(0);
	});

	it.each(handlerCases)('sends the %s fields as SignalWire expects, and SignalWire takes them', async (_name, fields, expectedBody) => {
		const target = number(5);
		const body = typeof expectedBody === 'function' ? expectedBody() : expectedBody;
		const result = await update(target.id, fields());
		expect(result.error).toBeUndefined();
		const [sent] = requestsTo(sandbox(), 'signalwire');
		expect(sent.body).toEqual(body);
		expect(sent.status).toBe(200);
		expect(result.json[0]).toMatchObject(body);
		expect(target).toMatchObject(body);
	});

	it('sends an empty URL as an empty string (clears it)', async () => {
		const result = await update(number(6).id, { callFallbackUrl: '' });
		expect(result.error).toBeUndefined();
		expect(requestsTo(sandbox(), 'signalwire')[0].body).toEqual({ call_fallback_url: '' });
	});

	it.each([
		[{}, 'Update Fields'],
		[{ callHandler: 'laml_webhooks' }, 'Call Request URL'],
		[{ callHandler: 'laml_application' }, 'Call LaML Application'],
		[{ callHandler: 'relay_sip_endpoint' }, 'Call SIP Endpoint'],
		[{ callHandler: 'video_room', callVideoRoomId: '' }, 'Call Video Room'],
		[{ messageHandler: 'relay_topic' }, 'Message Relay Topic'],
		[{ callHandler: 'voicemail' }, 'Call Handler'],
		[{ messageHandler: 'dialogflow' }, 'Message Handler'],
		[{ callReceiveMode: 'sms' }, 'Call Receive Mode'],
		[{ callRequestMethod: 'PUT' }, 'Call Request Method'],
		[{ messageFallbackMethod: 'post' }, 'Message Fallback Method'],
		[{ callRequestUrl: 'hooks.example.com/voice' }, 'Call Request URL'],
		[{ callStatusCallbackUrl: 'ftp://hooks.example.com' }, 'Call Status Callback URL'],
		[{ messageRequestUrl: '/relative' }, 'Message Request URL'],
		[{ callRelayScriptUrl: 'javascript:alert(1)' }, 'Call Relay Script URL'],
		[{ callSipEndpointId: 'desk01' }, 'Call SIP Endpoint'],
		[{ callVideoRoomId: '1234' }, 'Call Video Room'],
		[{ name: ['a', 'b'] }, 'Name'],
	])('refuses %j before any request, naming %s', async (fields, field) => {
		const result = await update(number(7).id, fields);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(`${result.error?.message} ${result.error?.description ?? ''}`).toContain(field);
		expect(result.error?.context?.itemIndex).toBe(0);
		expect(requestsTo(sandbox(), 'signalwire')).toHaveLength(0);
	});

	it.each(['not-a-uuid', '../phone_numbers', '7c5b2e1a-0d3f-4a8b-9c6d-1e2f3a4b5c6d/../x'])(
		'refuses the phone number ID %j from an expression before any request',
		async (id) => {
			const result = await update(`={{ ${JSON.stringify(id)} }}`, { name: 'x' });
			expect(result.error?.message).toContain('Phone Number');
			expect(requestsTo(sandbox(), 'signalwire')).toHaveLength(0);
		},
	);

	it("surfaces SignalWire's 422 detail, a 404 with the ID and a 401 with what to check, without the token", async () => {
		const target = number(8);
		const unknownEndpoint = '00000000-0000-4000-8000-000000000000';
		const invalid = await update(target.id, { callHandler: 'relay_sip_endpoint', callSipEndpointId: unknownEndpoint });
		expect(invalid.error?.httpCode).toBe('422');
		expect(invalid.error?.message).toContain('SIP endpoint not found');

		const missing = await update('11111111-2222-4333-8444-555555555555', { name: 'x' });
		expect(missing.error?.httpCode).toBe('404');
		expect(missing.error?.description).toContain('11111111-2222-4333-8444-555555555555');

		const denied = await update(target.id, { name: 'x' }, signalWireCredentials(sandbox(), 'PTwrongtoken000000'));
		expect(denied.error?.httpCode).toBe('401');
		expect(denied.error?.description).toMatch(/Project ID.*Space.*needs a token with the Numbers scope/);
		expect(JSON.stringify(denied.error)).not.toContain('PTwrongtoken000000');
	});
});
