import type { IDataObject } from 'n8n-workflow';

import type { InputValidator } from '../../../shared/validation';
import { CALL_HANDLER_OPTIONS, MESSAGE_HANDLER_OPTIONS } from '../../descriptions/updateFields';

type Check = 'text' | 'url' | 'method' | 'uuid' | 'callHandler' | 'messageHandler' | 'receiveMode' | 'flowVersion';

/** Each `updateFields` key: its API field, display name and the check it gets before the request. */
export const SIGNALWIRE_FIELDS: Record<string, { api: string; label: string; check: Check }> = {
	name: { api: 'name', label: 'Name', check: 'text' },
	callHandler: { api: 'call_handler', label: 'Call Handler', check: 'callHandler' },
	callReceiveMode: { api: 'call_receive_mode', label: 'Call Receive Mode', check: 'receiveMode' },
	callRequestUrl: { api: 'call_request_url', label: 'Call Request URL', check: 'url' },
	callRequestMethod: { api: 'call_request_method', label: 'Call Request Method', check: 'method' },
	callFallbackUrl: { api: 'call_fallback_url', label: 'Call Fallback URL', check: 'url' },
	callFallbackMethod: { api: 'call_fallback_method', label: 'Call Fallback Method', check: 'method' },
	callStatusCallbackUrl: { api: 'call_status_callback_url', label: 'Call Status Callback URL', check: 'url' },
	callStatusCallbackMethod: { api: 'call_status_callback_method', label: 'Call Status Callback Method', check: 'method' },
	callLamlApplicationId: { api: 'call_laml_application_id', label: 'Call LaML Application Name or ID', check: 'text' },
	callAiAgentId: { api: 'call_ai_agent_id', label: 'Call AI Agent Name or ID', check: 'text' },
	callDialogflowAgentId: { api: 'call_dialogflow_agent_id', label: 'Call Dialogflow Agent Name or ID', check: 'text' },
	callFlowId: { api: 'call_flow_id', label: 'Call Flow ID', check: 'text' },
	callFlowVersion: { api: 'call_flow_version', label: 'Call Flow Version', check: 'flowVersion' },
	callRelayContext: { api: 'call_relay_context', label: 'Call Relay Context', check: 'text' },
	callRelayTopic: { api: 'call_relay_topic', label: 'Call Relay Topic', check: 'text' },
	callRelayTopicStatusCallbackUrl: {
		api: 'call_relay_topic_status_callback_url',
		label: 'Call Relay Topic Status Callback URL',
		check: 'url',
	},
	callRelayScriptUrl: { api: 'call_relay_script_url', label: 'Call Relay Script URL', check: 'url' },
	callRelayApplication: { api: 'call_relay_application', label: 'Call Relay Application Name or ID', check: 'text' },
	callRelayConnectorId: { api: 'call_relay_connector_id', label: 'Call Relay Connector ID', check: 'text' },
	callSipEndpointId: { api: 'call_sip_endpoint_id', label: 'Call SIP Endpoint Name or ID', check: 'uuid' },
	callVertoResource: { api: 'call_verto_resource', label: 'Call Verto Resource', check: 'text' },
	callVideoRoomId: { api: 'call_video_room_id', label: 'Call Video Room Name or ID', check: 'uuid' },
	messageHandler: { api: 'message_handler', label: 'Message Handler', check: 'messageHandler' },
	messageRequestUrl: { api: 'message_request_url', label: 'Message Request URL', check: 'url' },
	messageRequestMethod: { api: 'message_request_method', label: 'Message Request Method', check: 'method' },
	messageFallbackUrl: { api: 'message_fallback_url', label: 'Message Fallback URL', check: 'url' },
	messageFallbackMethod: { api: 'message_fallback_method', label: 'Message Fallback Method', check: 'method' },
	messageLamlApplicationId: { api: 'message_laml_application_id', label: 'Message LaML Application Name or ID', check: 'text' },
	messageRelayContext: { api: 'message_relay_context', label: 'Message Relay Context', check: 'text' },
	messageRelayTopic: { api: 'message_relay_topic', label: 'Message Relay Topic', check: 'text' },
	messageRelayApplication: { api: 'message_relay_application', label: 'Message Relay Application Name or ID', check: 'text' },
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

const CALL_HANDLERS = CALL_HANDLER_OPTIONS.map((o) => o.value as string);
const MESSAGE_HANDLERS = MESSAGE_HANDLER_OPTIONS.map((o) => o.value as string);

/** SignalWire's update body from exactly the fields the user added, each checked first. */
export function signalWireUpdateBody(fields: IDataObject, check: InputValidator): IDataObject {
	const body: IDataObject = {};
	for (const [key, value] of Object.entries(fields)) {
		const field = SIGNALWIRE_FIELDS[key];
		if (!field) return check.fail('Update Fields', `unknown field "${key}"`);
		const label = field.label;
		switch (field.check) {
			case 'text':
				body[field.api] = check.string(label, value);
				break;
			case 'url':
				// An empty URL clears the setting; anything else must be an absolute http(s) URL.
				body[field.api] = check.string(label, value).trim() === '' ? '' : check.url(label, value);
				break;
			case 'method':
				body[field.api] = check.oneOf(label, value, ['GET', 'POST']);
				break;
			case 'uuid':
				body[field.api] = check.uuid(label, value);
				break;
			case 'callHandler':
				body[field.api] = check.oneOf(label, value, CALL_HANDLERS);
				break;
			case 'messageHandler':
				body[field.api] = check.oneOf(label, value, MESSAGE_HANDLERS);
				break;
			case 'receiveMode':
				body[field.api] = check.oneOf(label, value, ['voice', 'fax']);
				break;
			case 'flowVersion':
				body[field.api] = check.oneOf(label, value, ['current_deployed', 'working_copy']);
				break;
		}
	}
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
