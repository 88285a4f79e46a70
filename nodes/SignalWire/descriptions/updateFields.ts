import type { INodePropertyOptions } from 'n8n-workflow';

import { accountDropdown, choiceField, httpMethodField, textField, VOICE_OR_FAX } from '../../shared/descriptions/fields';
import { updateFieldsOf, updateRow, updateTable, type FieldCheck, type UpdateRow } from '../../shared/execution/updateBody';

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

const CALL_HANDLERS = CALL_HANDLER_OPTIONS.map((o) => o.value as string);
const MESSAGE_HANDLERS = MESSAGE_HANDLER_OPTIONS.map((o) => o.value as string);

/** Shown unless another call handler is chosen in the same update. */
function forCallHandler(...handlers: string[]) {
	return { hide: { callHandler: CALL_HANDLERS.filter((h) => !handlers.includes(h)) } };
}

function forMessageHandler(...handlers: string[]) {
	return { hide: { messageHandler: MESSAGE_HANDLERS.filter((h) => !handlers.includes(h)) } };
}

const TEXT: FieldCheck = { kind: 'text' };
const URL: FieldCheck = { kind: 'url' };
const UUID: FieldCheck = {
	kind: 'id',
	pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
	example: '9f1c2d3e-4b5a-6978-8a9b-0c1d2e3f4a5b',
	required: true,
};

/** Each update field once: its editor property, API field and the check it gets before the request. */
const UPDATE_ROWS: UpdateRow[] = [
	updateRow(textField('Name', 'name', { description: 'Friendly name of the number in SignalWire' }), 'name', TEXT),
	updateRow(
		{
			displayName: 'Call Handler',
			name: 'callHandler',
			type: 'options',
			options: CALL_HANDLER_OPTIONS,
			default: 'laml_webhooks',
			description: 'What answers incoming calls. Set the field the handler uses in the same update.',
		},
		'call_handler',
	),
	updateRow(choiceField('Call Receive Mode', 'callReceiveMode', VOICE_OR_FAX, 'voice', 'Whether incoming calls are received as voice or fax'), 'call_receive_mode'),
	updateRow(
		textField('Call Request URL', 'callRequestUrl', {
			placeholder: 'e.g. https://example.com/voice',
			description: 'URL asked for LaML when a call comes in (LaML Webhooks)',
			displayOptions: forCallHandler('laml_webhooks'),
		}),
		'call_request_url',
		URL,
	),
	updateRow(httpMethodField('Call Request Method', 'callRequestMethod', forCallHandler('laml_webhooks')), 'call_request_method'),
	updateRow(
		textField('Call Fallback URL', 'callFallbackUrl', {
			placeholder: 'e.g. https://example.com/voice-fallback',
			description: 'Asked when the call request URL fails (LaML Webhooks)',
			displayOptions: forCallHandler('laml_webhooks'),
		}),
		'call_fallback_url',
		URL,
	),
	updateRow(httpMethodField('Call Fallback Method', 'callFallbackMethod', forCallHandler('laml_webhooks')), 'call_fallback_method'),
	updateRow(
		textField('Call Status Callback URL', 'callStatusCallbackUrl', {
			placeholder: 'e.g. https://example.com/call-status',
			description: 'Where call status changes are sent (LaML Webhooks)',
			displayOptions: forCallHandler('laml_webhooks'),
		}),
		'call_status_callback_url',
		URL,
	),
	updateRow(httpMethodField('Call Status Callback Method', 'callStatusCallbackMethod', forCallHandler('laml_webhooks')), 'call_status_callback_method'),
	updateRow(
		accountDropdown(
			'Call LaML Application Name or ID',
			'callLamlApplicationId',
			'getLamlApplications',
			'LaML application for the LaML Application call handler',
			forCallHandler('laml_application'),
		),
		'call_laml_application_id',
		TEXT,
	),
	updateRow(
		accountDropdown('Call AI Agent Name or ID', 'callAiAgentId', 'getAiAgents', 'AI agent for the AI Agent call handler', forCallHandler('ai_agent')),
		'call_ai_agent_id',
		TEXT,
	),
	updateRow(
		accountDropdown(
			'Call Dialogflow Agent Name or ID',
			'callDialogflowAgentId',
			'getDialogflowAgents',
			'Dialogflow agent for the Dialogflow call handler',
			forCallHandler('dialogflow'),
		),
		'call_dialogflow_agent_id',
		TEXT,
	),
	updateRow(
		textField('Call Flow ID', 'callFlowId', {
			placeholder: 'e.g. 2d1f6c9e-4b7a-4e1f-9a3c-5b6d7e8f9a0b',
			description: 'Call flow for the Call Flow call handler (in SignalWire: Call Flow Builder → the flow → its ID)',
			displayOptions: forCallHandler('call_flow'),
		}),
		'call_flow_id',
		TEXT,
	),
	updateRow(
		choiceField(
			'Call Flow Version',
			'callFlowVersion',
			[
				['Current Deployed', 'current_deployed'],
				['Working Copy', 'working_copy'],
			],
			'current_deployed',
			'Which version of the call flow answers',
			forCallHandler('call_flow'),
		),
		'call_flow_version',
	),
	updateRow(
		textField('Call Relay Context', 'callRelayContext', {
			placeholder: 'e.g. office',
			description: 'Relay context for the Relay Context call handler (deprecated by SignalWire: prefer Relay Topic)',
			displayOptions: forCallHandler('relay_context'),
		}),
		'call_relay_context',
		TEXT,
	),
	updateRow(
		textField('Call Relay Topic', 'callRelayTopic', {
			placeholder: 'e.g. office',
			description: 'Relay topic for the Relay Topic call handler',
			displayOptions: forCallHandler('relay_topic'),
		}),
		'call_relay_topic',
		TEXT,
	),
	updateRow(
		textField('Call Relay Topic Status Callback URL', 'callRelayTopicStatusCallbackUrl', {
			placeholder: 'e.g. https://example.com/relay-status',
			description: 'Where status changes are sent with the Relay Topic call handler',
			displayOptions: forCallHandler('relay_topic'),
		}),
		'call_relay_topic_status_callback_url',
		URL,
	),
	updateRow(
		textField('Call Relay Script URL', 'callRelayScriptUrl', {
			placeholder: 'e.g. https://example.com/script.swml',
			description: 'URL of the SWML script for the Relay Script call handler',
			displayOptions: forCallHandler('relay_script'),
		}),
		'call_relay_script_url',
		URL,
	),
	updateRow(
		accountDropdown(
			'Call Relay Application Name or ID',
			'callRelayApplication',
			'getRelayApplications',
			'Relay application for the Relay Application call handler; SignalWire takes its name',
			forCallHandler('relay_application'),
		),
		'call_relay_application',
		TEXT,
	),
	updateRow(
		textField('Call Relay Connector ID', 'callRelayConnectorId', {
			description: 'Relay connector for the Relay Connector call handler',
			displayOptions: forCallHandler('relay_connector'),
		}),
		'call_relay_connector_id',
		TEXT,
	),
	updateRow(
		accountDropdown(
			'Call SIP Endpoint Name or ID',
			'callSipEndpointId',
			'getSipEndpoints',
			'SIP endpoint for the Relay SIP Endpoint call handler',
			forCallHandler('relay_sip_endpoint'),
		),
		'call_sip_endpoint_id',
		UUID,
	),
	updateRow(
		textField('Call Verto Resource', 'callVertoResource', {
			description: 'Verto endpoint for the Relay Verto Endpoint call handler',
			displayOptions: forCallHandler('relay_verto_endpoint'),
		}),
		'call_verto_resource',
		TEXT,
	),
	updateRow(
		accountDropdown('Call Video Room Name or ID', 'callVideoRoomId', 'getVideoRooms', 'Video room for the Video Room call handler', forCallHandler('video_room')),
		'call_video_room_id',
		UUID,
	),
	updateRow(
		{
			displayName: 'Message Handler',
			name: 'messageHandler',
			type: 'options',
			options: MESSAGE_HANDLER_OPTIONS,
			default: 'laml_webhooks',
			description: 'What answers incoming messages. Set the field the handler uses in the same update.',
		},
		'message_handler',
	),
	updateRow(
		textField('Message Request URL', 'messageRequestUrl', {
			placeholder: 'e.g. https://example.com/sms',
			description: 'URL asked for LaML when a message comes in (LaML Webhooks)',
			displayOptions: forMessageHandler('laml_webhooks'),
		}),
		'message_request_url',
		URL,
	),
	updateRow(httpMethodField('Message Request Method', 'messageRequestMethod', forMessageHandler('laml_webhooks')), 'message_request_method'),
	updateRow(
		textField('Message Fallback URL', 'messageFallbackUrl', {
			placeholder: 'e.g. https://example.com/sms-fallback',
			description: 'Asked when the message request URL fails (LaML Webhooks)',
			displayOptions: forMessageHandler('laml_webhooks'),
		}),
		'message_fallback_url',
		URL,
	),
	updateRow(httpMethodField('Message Fallback Method', 'messageFallbackMethod', forMessageHandler('laml_webhooks')), 'message_fallback_method'),
	updateRow(
		accountDropdown(
			'Message LaML Application Name or ID',
			'messageLamlApplicationId',
			'getLamlApplications',
			'LaML application for the LaML Application message handler',
			forMessageHandler('laml_application'),
		),
		'message_laml_application_id',
		TEXT,
	),
	updateRow(
		textField('Message Relay Context', 'messageRelayContext', {
			description: 'Relay context for the Relay Context message handler (deprecated by SignalWire: prefer Relay Topic)',
			displayOptions: forMessageHandler('relay_context'),
		}),
		'message_relay_context',
		TEXT,
	),
	updateRow(
		textField('Message Relay Topic', 'messageRelayTopic', {
			description: 'Relay topic for the Relay Topic message handler',
			displayOptions: forMessageHandler('relay_topic'),
		}),
		'message_relay_topic',
		TEXT,
	),
	updateRow(
		accountDropdown(
			'Message Relay Application Name or ID',
			'messageRelayApplication',
			'getRelayApplications',
			'Relay application for the Relay Application message handler; SignalWire takes its name',
			forMessageHandler('relay_application'),
		),
		'message_relay_application',
		TEXT,
	),
];

export const SIGNALWIRE_FIELDS = updateTable(UPDATE_ROWS);

export const updateFieldsProperty = updateFieldsOf(
	'Only the fields added here are sent; everything else on the number stays as it is. Choosing a call or message handler hides the fields other handlers use.',
	UPDATE_ROWS,
);
