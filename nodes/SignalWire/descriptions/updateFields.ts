import type { INodePropertyOptions } from 'n8n-workflow';

import { updateFieldsCollection } from '../../shared/descriptions/common';
export const CALL_HANDLER_OPTIONS: INodePropertyOptions[] = [
	{ name: 'AI Agent', value: 'ai_agent', description: 'Answer with a SignalWire AI agent' },
	{ name: 'Call Flow', value: 'call_flow', description: 'Run a Call Flow Builder flow' },
	{ name: 'Dialogflow', value: 'dialogflow', description: 'Start a Dialogflow agent' },
	{ name: 'LaML Application', value: 'laml_application', description: 'Run a LaML (cXML) application' },
	{ name: 'LaML Webhooks', value: 'laml_webhooks', description: 'Ask your server for LaML at a URL' },
	{ name: 'Relay Application', value: 'relay_application', description: 'Send to a Relay application by name' },
	{ name: 'Relay Connector', value: 'relay_connector', description: 'Send to a Relay connector' },
	{ name: 'Relay Context (Deprecated)', value: 'relay_context', description: 'Send to a Relay context; use Relay Topic for new set-ups' },
	{ name: 'Relay Script (SWML)', value: 'relay_script', description: 'Run the SWML script at a URL' },
	{ name: 'Relay SIP Endpoint', value: 'relay_sip_endpoint', description: 'Ring a SIP endpoint' },
	{ name: 'Relay Topic', value: 'relay_topic', description: 'Send to a Relay topic' },
	{ name: 'Relay Verto Endpoint', value: 'relay_verto_endpoint', description: 'Ring a Verto endpoint' },
	{ name: 'Video Room', value: 'video_room', description: 'Join a video room' },
];

export const MESSAGE_HANDLER_OPTIONS: INodePropertyOptions[] = [
	{ name: 'LaML Application', value: 'laml_application' },
	{ name: 'LaML Webhooks', value: 'laml_webhooks' },
	{ name: 'Relay Application', value: 'relay_application' },
	{ name: 'Relay Context (Deprecated)', value: 'relay_context', description: 'Use Relay Topic for new set-ups' },
	{ name: 'Relay Topic', value: 'relay_topic' },
];

const METHOD_OPTIONS: INodePropertyOptions[] = [
	{ name: 'GET', value: 'GET' },
	{ name: 'POST', value: 'POST' },
];

const CALL_HANDLERS = CALL_HANDLER_OPTIONS.map((o) => o.value as string);
const MESSAGE_HANDLERS = MESSAGE_HANDLER_OPTIONS.map((o) => o.value as string);

/** Shown unless another call handler is chosen in the same update. */
function forCallHandler(...handlers: string[]) {
	return { hide: { callHandler: CALL_HANDLERS.filter((h) => !handlers.includes(h)) } };
}

function forMessageHandler(...handlers: string[]) {
	return { hide: { messageHandler: MESSAGE_HANDLERS.filter((h) => !handlers.includes(h)) } };
}

export const updateFieldsProperty = updateFieldsCollection(
	'Only the fields added here are sent; everything else on the number stays as it is. Choosing a call or message handler hides the fields other handlers use.',
	[
		{
			displayName: 'Call AI Agent Name or ID',
			name: 'callAiAgentId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getAiAgents' },
			default: '',
			description:
				'AI agent for the AI Agent call handler. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			displayOptions: forCallHandler('ai_agent'),
		},
		{
			displayName: 'Call Dialogflow Agent Name or ID',
			name: 'callDialogflowAgentId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getDialogflowAgents' },
			default: '',
			description:
				'Dialogflow agent for the Dialogflow call handler. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			displayOptions: forCallHandler('dialogflow'),
		},
		{
			displayName: 'Call Fallback Method',
			name: 'callFallbackMethod',
			type: 'options',
			options: METHOD_OPTIONS,
			default: 'POST',
			displayOptions: forCallHandler('laml_webhooks'),
		},
		{
			displayName: 'Call Fallback URL',
			name: 'callFallbackUrl',
			type: 'string',
			default: '',
			placeholder: 'https://example.com/voice-fallback',
			description: 'Asked when the call request URL fails (LaML Webhooks)',
			displayOptions: forCallHandler('laml_webhooks'),
		},
		{
			displayName: 'Call Flow ID',
			name: 'callFlowId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 2d1f6c9e-4b7a-4e1f-9a3c-5b6d7e8f9a0b',
			description: 'Call flow for the Call Flow call handler (in SignalWire: Call Flow Builder → the flow → its ID)',
			displayOptions: forCallHandler('call_flow'),
		},
		{
			displayName: 'Call Flow Version',
			name: 'callFlowVersion',
			type: 'options',
			options: [
				{ name: 'Current Deployed', value: 'current_deployed' },
				{ name: 'Working Copy', value: 'working_copy' },
			],
			default: 'current_deployed',
			description: 'Which version of the call flow answers',
			displayOptions: forCallHandler('call_flow'),
		},
		{
			displayName: 'Call Handler',
			name: 'callHandler',
			type: 'options',
			options: CALL_HANDLER_OPTIONS,
			default: 'laml_webhooks',
			description: 'What answers incoming calls. Set the field the handler uses in the same update.',
		},
		{
			displayName: 'Call LaML Application Name or ID',
			name: 'callLamlApplicationId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getLamlApplications' },
			default: '',
			description:
				'LaML application for the LaML Application call handler. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			displayOptions: forCallHandler('laml_application'),
		},
		{
			displayName: 'Call Receive Mode',
			name: 'callReceiveMode',
			type: 'options',
			options: [
				{ name: 'Voice', value: 'voice' },
				{ name: 'Fax', value: 'fax' },
			],
			default: 'voice',
			description: 'Whether incoming calls are received as voice or fax',
		},
		{
			displayName: 'Call Relay Application Name or ID',
			name: 'callRelayApplication',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getRelayApplications' },
			default: '',
			description:
				'Relay application for the Relay Application call handler; SignalWire takes its name. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			displayOptions: forCallHandler('relay_application'),
		},
		{
			displayName: 'Call Relay Connector ID',
			name: 'callRelayConnectorId',
			type: 'string',
			default: '',
			description: 'Relay connector for the Relay Connector call handler',
			displayOptions: forCallHandler('relay_connector'),
		},
		{
			displayName: 'Call Relay Context',
			name: 'callRelayContext',
			type: 'string',
			default: '',
			placeholder: 'office',
			description: 'Relay context for the Relay Context call handler (deprecated by SignalWire: prefer Relay Topic)',
			displayOptions: forCallHandler('relay_context'),
		},
		{
			displayName: 'Call Relay Script URL',
			name: 'callRelayScriptUrl',
			type: 'string',
			default: '',
			placeholder: 'https://example.com/script.swml',
			description: 'URL of the SWML script for the Relay Script call handler',
			displayOptions: forCallHandler('relay_script'),
		},
		{
			displayName: 'Call Relay Topic',
			name: 'callRelayTopic',
			type: 'string',
			default: '',
			placeholder: 'office',
			description: 'Relay topic for the Relay Topic call handler',
			displayOptions: forCallHandler('relay_topic'),
		},
		{
			displayName: 'Call Relay Topic Status Callback URL',
			name: 'callRelayTopicStatusCallbackUrl',
			type: 'string',
			default: '',
			placeholder: 'https://example.com/relay-status',
			description: 'Where status changes are sent with the Relay Topic call handler',
			displayOptions: forCallHandler('relay_topic'),
		},
		{
			displayName: 'Call Request Method',
			name: 'callRequestMethod',
			type: 'options',
			options: METHOD_OPTIONS,
			default: 'POST',
			displayOptions: forCallHandler('laml_webhooks'),
		},
		{
			displayName: 'Call Request URL',
			name: 'callRequestUrl',
			type: 'string',
			default: '',
			placeholder: 'https://example.com/voice',
			description: 'URL asked for LaML when a call comes in (LaML Webhooks)',
			displayOptions: forCallHandler('laml_webhooks'),
		},
		{
			displayName: 'Call SIP Endpoint Name or ID',
			name: 'callSipEndpointId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getSipEndpoints' },
			default: '',
			description:
				'SIP endpoint for the Relay SIP Endpoint call handler. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			displayOptions: forCallHandler('relay_sip_endpoint'),
		},
		{
			displayName: 'Call Status Callback Method',
			name: 'callStatusCallbackMethod',
			type: 'options',
			options: METHOD_OPTIONS,
			default: 'POST',
			displayOptions: forCallHandler('laml_webhooks'),
		},
		{
			displayName: 'Call Status Callback URL',
			name: 'callStatusCallbackUrl',
			type: 'string',
			default: '',
			placeholder: 'https://example.com/call-status',
			description: 'Where call status changes are sent (LaML Webhooks)',
			displayOptions: forCallHandler('laml_webhooks'),
		},
		{
			displayName: 'Call Verto Resource',
			name: 'callVertoResource',
			type: 'string',
			default: '',
			description: 'Verto endpoint for the Relay Verto Endpoint call handler',
			displayOptions: forCallHandler('relay_verto_endpoint'),
		},
		{
			displayName: 'Call Video Room Name or ID',
			name: 'callVideoRoomId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getVideoRooms' },
			default: '',
			description:
				'Video room for the Video Room call handler. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			displayOptions: forCallHandler('video_room'),
		},
		{
			displayName: 'Message Fallback Method',
			name: 'messageFallbackMethod',
			type: 'options',
			options: METHOD_OPTIONS,
			default: 'POST',
			displayOptions: forMessageHandler('laml_webhooks'),
		},
		{
			displayName: 'Message Fallback URL',
			name: 'messageFallbackUrl',
			type: 'string',
			default: '',
			placeholder: 'https://example.com/sms-fallback',
			description: 'Asked when the message request URL fails (LaML Webhooks)',
			displayOptions: forMessageHandler('laml_webhooks'),
		},
		{
			displayName: 'Message Handler',
			name: 'messageHandler',
			type: 'options',
			options: MESSAGE_HANDLER_OPTIONS,
			default: 'laml_webhooks',
			description: 'What answers incoming messages. Set the field the handler uses in the same update.',
		},
		{
			displayName: 'Message LaML Application Name or ID',
			name: 'messageLamlApplicationId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getLamlApplications' },
			default: '',
			description:
				'LaML application for the LaML Application message handler. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			displayOptions: forMessageHandler('laml_application'),
		},
		{
			displayName: 'Message Relay Application Name or ID',
			name: 'messageRelayApplication',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getRelayApplications' },
			default: '',
			description:
				'Relay application for the Relay Application message handler; SignalWire takes its name. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			displayOptions: forMessageHandler('relay_application'),
		},
		{
			displayName: 'Message Relay Context',
			name: 'messageRelayContext',
			type: 'string',
			default: '',
			description: 'Relay context for the Relay Context message handler (deprecated by SignalWire: prefer Relay Topic)',
			displayOptions: forMessageHandler('relay_context'),
		},
		{
			displayName: 'Message Relay Topic',
			name: 'messageRelayTopic',
			type: 'string',
			default: '',
			description: 'Relay topic for the Relay Topic message handler',
			displayOptions: forMessageHandler('relay_topic'),
		},
		{
			displayName: 'Message Request Method',
			name: 'messageRequestMethod',
			type: 'options',
			options: METHOD_OPTIONS,
			default: 'POST',
			displayOptions: forMessageHandler('laml_webhooks'),
		},
		{
			displayName: 'Message Request URL',
			name: 'messageRequestUrl',
			type: 'string',
			default: '',
			placeholder: 'https://example.com/sms',
			description: 'URL asked for LaML when a message comes in (LaML Webhooks)',
			displayOptions: forMessageHandler('laml_webhooks'),
		},
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			description: 'Friendly name of the number in SignalWire',
		},
	],
);
