import { pick, prng, uuid } from '../http';

export type SignalWireNumber = Record<string, unknown> & { id: string; number: string; name: string | null };

export interface SignalWireData {
	projectId: string;
	apiToken: string;
	/** Every token of the project and the scopes it has. */
	tokens: Record<string, SignalWireScope[]>;
	space: string;
	numbers: SignalWireNumber[];
	sipEndpoints: Array<{ id: string; username: string; caller_id: string | null }>;
	lamlApplications: Array<{ sid: string; friendly_name: string; voice_url: string | null }>;
	relayApplications: Array<{ id: string; name: string; topic: string }>;
	aiAgents: Array<{ id: string; agentId: string; name: string }>;
	videoRooms: Array<{ id: string; name: string; display_name: string }>;
	dialogflowAgents: Array<{ id: string; agentId: string; display_name: string }>;
}

export const SIGNALWIRE_PROJECT = {
	space: 'sandbox',
	projectId: '7c5b2e1a-0d3f-4a8b-9c6d-1e2f3a4b5c6d',
	apiToken: 'PT954767dfd516198ee94ae7b24bd015c0d0b831ba99a2d4b7',
	/** A token of the same project with the Numbers scope only (SignalWire tokens have scopes). */
	numbersOnlyToken: 'PT75f6858c547d71bd9a8544133cf6288d37bd6878ec9d5d14',
};

export type SignalWireScope = 'numbers' | 'voice' | 'messaging' | 'fax' | 'video';

export const CALL_HANDLERS = [
	'relay_context',
	'relay_topic',
	'relay_script',
	'relay_application',
	'relay_connector',
	'relay_sip_endpoint',
	'relay_verto_endpoint',
	'laml_webhooks',
	'laml_application',
	'dialogflow',
	'video_room',
	// Set through Fabric per SignalWire's TypeSpec docs, sent like this by its official SDK
	// (UNVERIFIED which applies): accepted here in the SDK's form.
	'ai_agent',
	'call_flow',
] as const;

export const MESSAGE_HANDLERS = ['relay_context', 'relay_topic', 'relay_application', 'laml_webhooks', 'laml_application'] as const;

function emptyHandlerFields(): Record<string, unknown> {
	const fields: Record<string, unknown> = {};
	for (const key of [
		'call_request_url', 'call_request_method', 'call_fallback_url', 'call_fallback_method',
		'call_status_callback_url', 'call_status_callback_method', 'call_laml_application_id',
		'call_dialogflow_agent_id', 'call_relay_topic', 'call_relay_topic_status_callback_url',
		'call_relay_script_url', 'call_relay_context', 'call_relay_context_status_callback_url',
		'call_relay_application', 'call_relay_connector_id', 'call_sip_endpoint_id', 'call_verto_resource',
		'call_video_room_id', 'call_ai_agent_id', 'call_flow_id', 'call_flow_version', 'message_handler', 'messaging_handler_resource_id', 'message_request_url',
		'message_request_method', 'message_fallback_url', 'message_fallback_method',
		'message_laml_application_id', 'message_relay_topic', 'message_relay_context', 'message_relay_application',
	]) fields[key] = null;
	return fields;
}

export function seedSignalWire(options: { numbers?: number } = {}): SignalWireData {
	const random = prng(3003);
	const count = options.numbers ?? 300;
	const lamlApplications = Array.from({ length: 75 }, (_, i) => ({
		sid: uuid(random),
		friendly_name: `${pick(random, ['IVR', 'Voicemail', 'Queue', 'Forwarder', 'Survey'])} app ${i + 1}`,
		voice_url: `https://hooks.example.com/laml/${i + 1}`,
	}));
	const sipEndpoints = Array.from({ length: 60 }, (_, i) => ({
		id: uuid(random),
		username: `desk${String(i + 1).padStart(2, '0')}`,
		caller_id: null,
	}));
	const relayApplications = Array.from({ length: 64 }, (_, i) => ({
		id: uuid(random),
		name: `relay-app-${i + 1}`,
		topic: `office-${i + 1}`,
	}));
	const videoRooms = Array.from({ length: 55 }, (_, i) => ({
		id: uuid(random),
		name: `room_${i + 1}`,
		display_name: `Meeting room ${i + 1}`,
	}));
	const dialogflowAgents = Array.from({ length: 45 }, (_, i) => ({
		id: uuid(random),
		agentId: uuid(random),
		display_name: `Dialogflow agent ${i + 1}`,
	}));
	const numbers: SignalWireNumber[] = [];
	for (let i = 0; i < count; i++) {
		const tollFree = i % 10 === 9;
		const number = tollFree ? `+1888555${String(1000 + i).padStart(4, '0')}` : `+1${pick(random, ['206', '503', '720', '646'])}555${String(1000 + i).padStart(4, '0')}`;
		const created = new Date(Date.UTC(2023, 5, 1) + i * 3_600_000 * 7).toISOString();
		const laml = i % 4 === 0;
		numbers.push({
			id: uuid(random),
			number,
			name: i % 6 === 5 ? null : `${pick(random, ['Support', 'Sales', 'Front desk', 'Fax', 'Campaign'])} ${i + 1}`,
			capabilities: tollFree ? ['voice', 'sms'] : ['voice', 'sms', 'mms', 'fax'],
			number_type: tollFree ? 'toll-free' : 'longcode',
			e911_address_id: null,
			created_at: created,
			updated_at: created,
			next_billed_at: '2026-12-15T00:00:00Z',
			call_handler: laml ? 'laml_webhooks' : 'relay_topic',
			calling_handler_resource_id: null,
			call_receive_mode: i % 15 === 0 ? 'fax' : 'voice',
			...emptyHandlerFields(),
			...(laml
				? { call_request_url: `https://hooks.example.com/voice/${i}`, call_request_method: 'POST' }
				: { call_relay_topic: 'office' }),
			message_handler: 'laml_webhooks',
			message_request_url: 'https://hooks.example.com/sms',
			message_request_method: 'POST',
			country_code: 'US',
		});
	}
	return {
		projectId: SIGNALWIRE_PROJECT.projectId,
		apiToken: SIGNALWIRE_PROJECT.apiToken,
		tokens: {
			[SIGNALWIRE_PROJECT.apiToken]: ['numbers', 'voice', 'messaging', 'fax', 'video'],
			[SIGNALWIRE_PROJECT.numbersOnlyToken]: ['numbers'],
		},
		space: SIGNALWIRE_PROJECT.space,
		numbers,
		aiAgents: Array.from({ length: 12 }, (_, i) => ({ id: uuid(random), agentId: uuid(random), name: `Receptionist ${i + 1}` })),
		sipEndpoints,
		lamlApplications,
		relayApplications,
		videoRooms,
		dialogflowAgents,
	};
}
