import { pick, prng, uuid } from '../http';

/** Telnyx IDs of numbers, connections and applications: numeric strings of 19 digits. */
export function numericId(random: () => number): string {
	let id = String(1 + Math.floor(random() * 9));
	for (let i = 0; i < 18; i++) id += Math.floor(random() * 10);
	return id;
}

export type TelnyxRecord = Record<string, unknown> & { id: string };

export interface TelnyxNumber extends TelnyxRecord {
	phone_number: string;
	status: string;
	tags: string[];
	connection_id: string | null;
}

export interface TelnyxData {
	apiKeys: string[];
	numbers: TelnyxNumber[];
	/** Voice settings by number ID (`PATCH …/voice`). */
	voice: Map<string, TelnyxRecord>;
	/** Messaging settings by number ID (`PATCH …/messaging`). */
	messaging: Map<string, TelnyxRecord>;
	/** SIP connections (credential, IP, FQDN); credential ones carry a SIP user name and password. */
	connections: TelnyxRecord[];
	callControlApplications: TelnyxRecord[];
	texmlApplications: TelnyxRecord[];
	messagingProfiles: TelnyxRecord[];
	billingGroups: TelnyxRecord[];
}

export const TELNYX_KEYS = {
	main: 'KEYD2F325911F395DC36C063981E35DC99D_2zRFLoXDxRie6ZwVUSLJ7p',
	other: 'KEY76E1920DB6E3A9314B1C1FD3CF547F1C_mTVXBTGCU5GlEPAJlU2dee',
};

const AT = '2024-03-05T10:11:12.000Z';
/** What `filter[status]` takes: the answer's statuses less the four requirement and provisioning ones. */
export const TELNYX_STATUS_FILTERS = ['purchase-pending', 'purchase-failed', 'port-pending', 'active', 'deleted', 'port-failed', 'emergency-only', 'ported-out', 'port-out-pending'] as const;

export const TELNYX_STATUSES = [
	'purchase-pending', 'purchase-failed', 'port-pending', 'port-failed', 'active', 'deleted', 'emergency-only',
	'ported-out', 'port-out-pending', 'requirement-info-pending', 'requirement-info-under-review',
	'requirement-info-exception', 'provision-pending',
] as const;

export function seedTelnyx(options: { numbers?: number } = {}): TelnyxData {
	const random = prng(5005);
	const connections: TelnyxRecord[] = Array.from({ length: 40 }, (_, i) => {
		const kind = pick(random, ['credential_connection', 'ip_connection', 'fqdn_connection']);
		return {
			id: numericId(random),
			record_type: kind,
			connection_name: `${pick(random, ['Office PBX', 'Voice AI', 'Contact center', 'Branch'])} ${i + 1}`,
			active: i % 9 !== 8,
			...(kind === 'credential_connection' ? { user_name: `sipuser${i + 1}`, password: `sip-secret-${i + 1}-${numericId(random).slice(0, 6)}` } : {}),
			created_at: AT,
			updated_at: AT,
		};
	});
	const callControlApplications: TelnyxRecord[] = Array.from({ length: 30 }, (_, i) => ({
		id: numericId(random),
		record_type: 'call_control_application',
		application_name: `Call Control app ${i + 1}`,
		active: true,
		webhook_event_url: `https://hooks.example.com/telnyx/${i + 1}`,
		created_at: AT,
		updated_at: AT,
	}));
	const texmlApplications: TelnyxRecord[] = Array.from({ length: 20 }, (_, i) => ({
		id: numericId(random),
		record_type: 'texml_application',
		friendly_name: `TeXML app ${i + 1}`,
		active: true,
		voice_url: `https://hooks.example.com/texml/${i + 1}`,
		created_at: AT,
		updated_at: AT,
	}));
	const messagingProfiles: TelnyxRecord[] = Array.from({ length: 30 }, (_, i) => ({
		id: uuid(random),
		record_type: 'messaging_profile',
		name: `${pick(random, ['Alerts', 'Marketing', 'Support', 'Two-factor'])} profile ${i + 1}`,
		enabled: true,
		created_at: AT,
		updated_at: AT,
	}));
	const billingGroups: TelnyxRecord[] = Array.from({ length: 12 }, (_, i) => ({
		id: uuid(random),
		record_type: 'billing_group',
		name: `Cost center ${i + 1}`,
		organization_id: uuid(random),
		created_at: AT,
		updated_at: AT,
		deleted_at: null,
	}));
	const numbers: TelnyxNumber[] = [];
	const voice = new Map<string, TelnyxRecord>();
	const messaging = new Map<string, TelnyxRecord>();
	const count = options.numbers ?? 300;
	for (let i = 0; i < count; i++) {
		const id = numericId(random);
		const phone = `+1${pick(random, ['312', '773', '646'])}555${String(3000 + i).padStart(4, '0')}`;
		const connection = i % 4 === 3 ? undefined : connections[i % connections.length];
		const profile = i % 3 === 0 ? messagingProfiles[i % messagingProfiles.length] : undefined;
		numbers.push({
			id,
			record_type: 'phone_number',
			phone_number: phone,
			status: i % 25 === 24 ? 'port-pending' : i % 30 === 29 ? 'purchase-pending' : 'active',
			tags: i % 5 === 0 ? ['sales'] : i % 5 === 1 ? ['support', 'tier-1'] : [],
			external_pin: null,
			connection_id: connection ? connection.id : null,
			connection_name: connection ? (connection.connection_name as string) : null,
			customer_reference: i % 7 === 0 ? `customer-${i}` : null,
			messaging_profile_id: profile ? profile.id : null,
			messaging_profile_name: profile ? profile.name : null,
			billing_group_id: null,
			emergency_enabled: false,
			emergency_address_id: null,
			call_forwarding_enabled: true,
			cnam_listing_enabled: false,
			caller_id_name_enabled: false,
			call_recording_enabled: false,
			t38_fax_gateway_enabled: true,
			hd_voice_enabled: false,
			phone_number_type: pick(random, ['local', 'toll_free']),
			country_iso_alpha2: 'US',
			purchased_at: AT,
			created_at: AT,
			updated_at: AT,
		});
		voice.set(id, {
			id,
			record_type: 'voice_settings',
			connection_id: connection ? connection.id : null,
			customer_reference: null,
			tech_prefix_enabled: false,
			translated_number: '',
			call_forwarding: { call_forwarding_enabled: true, forwards_to: '', forwarding_type: 'always' },
			cnam_listing: { cnam_listing_enabled: false, cnam_listing_details: '' },
			usage_payment_method: 'pay-per-minute',
			media_features: { rtp_auto_adjust_enabled: true, accept_any_rtp_packets_enabled: false, t38_fax_gateway_enabled: true },
			call_recording: { inbound_call_recording_enabled: false, inbound_call_recording_format: 'wav', inbound_call_recording_channels: 'single' },
			inbound_call_screening: 'disabled',
			caller_id_name_enabled: false,
		});
		messaging.set(id, {
			id,
			record_type: 'messaging_settings',
			phone_number: phone,
			messaging_profile_id: profile ? profile.id : null,
			messaging_product: 'P2P',
			country_code: 'US',
			type: 'long-code',
			health: { message_count: 0, inbound_outbound_ratio: 0, success_ratio: 1, spam_ratio: 0 },
			eligible_messaging_products: ['A2P', 'P2P'],
			traffic_type: 'P2P',
			features: { sms: { domestic_two_way: true, international_inbound: false, international_outbound: false } },
			created_at: AT,
			updated_at: AT,
		});
	}
	return { apiKeys: [TELNYX_KEYS.main, TELNYX_KEYS.other], numbers, voice, messaging, connections, callControlApplications, texmlApplications, messagingProfiles, billingGroups };
}
