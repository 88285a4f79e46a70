import type { IDataObject } from 'n8n-workflow';

import { buildUpdateBody, type FieldCheck, type UpdateField } from '../../../shared/execution/updateBody';
import type { InputValidator } from '../../../shared/validation';
import { CALL_HANDLER_OPTIONS, MESSAGE_HANDLER_OPTIONS } from '../../descriptions/updateFields';

const CALL_HANDLERS = CALL_HANDLER_OPTIONS.map((o) => o.value as string);
const MESSAGE_HANDLERS = MESSAGE_HANDLER_OPTIONS.map((o) => o.value as string);
const TEXT: FieldCheck = { kind: 'text' };
const URL: FieldCheck = { kind: 'url' };
const METHOD: FieldCheck = { kind: 'oneOf', values: ['GET', 'POST'] };
const UUID: FieldCheck = {
	kind: 'id',
	pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
	example: '9f1c2d3e-4b5a-6978-8a9b-0c1d2e3f4a5b',
	required: true,
};

/** Each `updateFields` key: its API field, display name and the check it gets before the request. */
export const SIGNALWIRE_FIELDS: Record<string, UpdateField> = {
	name: { api: 'name', label: 'Name', check: TEXT },
	callHandler: { api: 'call_handler', label: 'Call Handler', check: { kind: 'oneOf', values: CALL_HANDLERS } },
	callReceiveMode: { api: 'call_receive_mode', label: 'Call Receive Mode', check: { kind: 'oneOf', values: ['voice', 'fax'] } },
	callRequestUrl: { api: 'call_request_url', label: 'Call Request URL', check: URL },
	callRequestMethod: { api: 'call_request_method', label: 'Call Request Method', check: METHOD },
	callFallbackUrl: { api: 'call_fallback_url', label: 'Call Fallback URL', check: URL },
	callFallbackMethod: { api: 'call_fallback_method', label: 'Call Fallback Method', check: METHOD },
	callStatusCallbackUrl: { api: 'call_status_callback_url', label: 'Call Status Callback URL', check: URL },
	callStatusCallbackMethod: { api: 'call_status_callback_method', label: 'Call Status Callback Method', check: METHOD },
	callLamlApplicationId: { api: 'call_laml_application_id', label: 'Call LaML Application Name or ID', check: TEXT },
	callAiAgentId: { api: 'call_ai_agent_id', label: 'Call AI Agent Name or ID', check: TEXT },
	callDialogflowAgentId: { api: 'call_dialogflow_agent_id', label: 'Call Dialogflow Agent Name or ID', check: TEXT },
	callFlowId: { api: 'call_flow_id', label: 'Call Flow ID', check: TEXT },
	callFlowVersion: { api: 'call_flow_version', label: 'Call Flow Version', check: { kind: 'oneOf', values: ['current_deployed', 'working_copy'] } },
	callRelayContext: { api: 'call_relay_context', label: 'Call Relay Context', check: TEXT },
	callRelayTopic: { api: 'call_relay_topic', label: 'Call Relay Topic', check: TEXT },
	callRelayTopicStatusCallbackUrl: {
		api: 'call_relay_topic_status_callback_url',
		label: 'Call Relay Topic Status Callback URL',
		check: URL,
	},
	callRelayScriptUrl: { api: 'call_relay_script_url', label: 'Call Relay Script URL', check: URL },
	callRelayApplication: { api: 'call_relay_application', label: 'Call Relay Application Name or ID', check: TEXT },
	callRelayConnectorId: { api: 'call_relay_connector_id', label: 'Call Relay Connector ID', check: TEXT },
	callSipEndpointId: { api: 'call_sip_endpoint_id', label: 'Call SIP Endpoint Name or ID', check: UUID },
	callVertoResource: { api: 'call_verto_resource', label: 'Call Verto Resource', check: TEXT },
	callVideoRoomId: { api: 'call_video_room_id', label: 'Call Video Room Name or ID', check: UUID },
	messageHandler: { api: 'message_handler', label: 'Message Handler', check: { kind: 'oneOf', values: MESSAGE_HANDLERS } },
	messageRequestUrl: { api: 'message_request_url', label: 'Message Request URL', check: URL },
	messageRequestMethod: { api: 'message_request_method', label: 'Message Request Method', check: METHOD },
	messageFallbackUrl: { api: 'message_fallback_url', label: 'Message Fallback URL', check: URL },
	messageFallbackMethod: { api: 'message_fallback_method', label: 'Message Fallback Method', check: METHOD },
	messageLamlApplicationId: { api: 'message_laml_application_id', label: 'Message LaML Application Name or ID', check: TEXT },
	messageRelayContext: { api: 'message_relay_context', label: 'Message Relay Context', check: TEXT },
	messageRelayTopic: { api: 'message_relay_topic', label: 'Message Relay Topic', check: TEXT },
	messageRelayApplication: { api: 'message_relay_application', label: 'Message Relay Application Name or ID', check: TEXT },
};

/** The field each handler routes to; SignalWire needs it to use the handler. */
export const CALL_HANDLER_NEEDS: Record<string, string> = {
	laml_webhooks: 'callRequestUrl',
	laml_application: 'callLamlApplicationId',
	dialogflow: 'callDialogflowAgentId',
	relay_topic: 'callRelayTopic',
	relay_script: 'callRelayScriptUrl',
	relay_application: 'callRelayApplication',
	relay_connector: 'callRelayConnectorId',
	relay_sip_endpoint: 'callSipEndpointId',
	relay_verto_endpoint: 'callVertoResource',
	video_room: 'callVideoRoomId',
	relay_context: 'callRelayContext',
	ai_agent: 'callAiAgentId',
	call_flow: 'callFlowId',
};

export const MESSAGE_HANDLER_NEEDS: Record<string, string> = {
	laml_webhooks: 'messageRequestUrl',
	laml_application: 'messageLamlApplicationId',
	relay_topic: 'messageRelayTopic',
	relay_application: 'messageRelayApplication',
	relay_context: 'messageRelayContext',
};

/** SignalWire's update body from exactly the fields the user added, each checked first. */
export function signalWireUpdateBody(fields: IDataObject, check: InputValidator): IDataObject {
	const body = buildUpdateBody(fields, SIGNALWIRE_FIELDS, check);
	requireHandlerField(fields, 'callHandler', CALL_HANDLER_NEEDS, CALL_HANDLER_OPTIONS, check);
	requireHandlerField(fields, 'messageHandler', MESSAGE_HANDLER_NEEDS, MESSAGE_HANDLER_OPTIONS, check);
	return body;
}

function requireHandlerField(
	fields: IDataObject,
	handlerKey: string,
	needs: Record<string, string>,
	options: Array<{ name: string; value: unknown }>,
	check: InputValidator,
) {
	const handler = fields[handlerKey];
	if (typeof handler !== 'string') return;
	const needed = needs[handler];
	const value = needed ? fields[needed] : undefined;
	if (needed && (value === undefined || value === null || String(value).trim() === '')) {
		// The handler as the user picked it in the editor ("LaML Application"), not its API value.
		const picked = options.find((o) => o.value === handler)?.name ?? handler;
		const handlerLabel = SIGNALWIRE_FIELDS[handlerKey].label;
		check.fail(
			SIGNALWIRE_FIELDS[needed].label,
			`needed when ${handlerLabel} is "${picked}"`,
			`Add ${SIGNALWIRE_FIELDS[needed].label} to Update Fields in the same update: the ${picked} handler routes to it.`,
		);
	}
}

/** With Skip Unchanged: a handler that is sent takes the field it routes to along (SignalWire needs both). */
export function handlerTogether(fields: IDataObject, keys: string[]): string[] {
	const out = new Set(keys);
	for (const [handlerKey, needs] of [['callHandler', CALL_HANDLER_NEEDS], ['messageHandler', MESSAGE_HANDLER_NEEDS]] as const) {
		const needed = typeof fields[handlerKey] === 'string' ? needs[fields[handlerKey] as string] : undefined;
		if (out.has(handlerKey) && needed && needed in fields) out.add(needed);
	}
	return [...out];
}
