import type { IDataObject } from 'n8n-workflow';

import { buildUpdateBody } from '../../../shared/execution/updateBody';
import type { InputValidator } from '../../../shared/validation';
import { CALL_HANDLER_OPTIONS, MESSAGE_HANDLER_OPTIONS, SIGNALWIRE_FIELDS } from '../../descriptions/updateFields';

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
