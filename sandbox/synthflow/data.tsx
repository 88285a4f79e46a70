import { pick, prng, randomId } from '../http';

export type SynthflowNumber = Record<string, unknown> & {
	slug: string;
	phone_number: string;
	workspace_id: string;
	is_available: boolean;
	sid: string;
	trunk_username: string | null;
	trunk_pwd: string | null;
};

export interface SynthflowAgent {
	model_id: string;
	name: string;
	type: 'inbound' | 'outbound';
	phone_number: string | null;
	workspace_id: string;
}

export interface SynthflowData {
	workspaces: string[];
	numbers: SynthflowNumber[];
	agents: SynthflowAgent[];
	/** API key → the workspaces it may use. */
	apiKeys: Record<string, string[]>;
}

export const SYNTHFLOW_KEYS = {
	/** Sees both workspaces. */
	main: 'klYKFCamNwYadcNKeKAqgqN9euxvSelAg7LVX5RD',
};

export const SYNTHFLOW_WORKSPACES = {
	a: '1712345678901x123456789012345678',
	b: '1712345678902x223456789012345678',
};

export const SYNTHFLOW_PROVIDERS = ['twilio', 'telnyx', 'vonage', 'ring_central', 'ringcx', 'custom', 'zoom', 'five9'] as const;

export function seedSynthflow(options: { numbers?: number } = {}): SynthflowData {
	const random = prng(2002);
	const count = options.numbers ?? 120;
	const numbers: SynthflowNumber[] = [];
	const countries = [
		{ prefix: '1415', iso: 'US' },
		{ prefix: '33782', iso: 'FR' },
		{ prefix: '4930', iso: 'DE' },
		{ prefix: '4420', iso: 'GB' },
	];
	for (let i = 0; i < count; i++) {
		const country = countries[i % countries.length];
		const rest = String(1000000 + i * 37).slice(-(11 - country.prefix.length));
		const digits = `${country.prefix}${rest}`;
		const workspace = i < Math.ceil((count * 2) / 3) ? SYNTHFLOW_WORKSPACES.a : SYNTHFLOW_WORKSPACES.b;
		const created = new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString();
		const provider = pick(random, SYNTHFLOW_PROVIDERS);
		numbers.push({
			slug: digits,
			phone_number: `+${digits}`,
			friendly_name: `Line ${i + 1}`,
			sip_auth_username: provider === 'custom' ? `sipuser${i}` : null,
			sip_outbound_proxy: null,
			sip_term_uri: provider === 'custom' ? `sip:${digits}@trunk.example.net` : null,
			uac_enabled: false,
			uac_register_expires: 600,
			provider_name: provider,
			trunk_username: null,
			trunk_pwd: null,
			is_sms_capable: country.iso === 'US',
			is_voice_capable: true,
			iso_country: country.iso,
			workspace_id: workspace,
			assistants: [],
			is_available: i % 3 !== 0,
			sid: `PN${randomId(random, 32).toLowerCase()}`,
			created_at: created,
			updated_at: created,
		});
	}
	const agents: SynthflowAgent[] = [];
	for (let i = 0; i < 30; i++) {
		const workspace = i < 20 ? SYNTHFLOW_WORKSPACES.a : SYNTHFLOW_WORKSPACES.b;
		const number = numbers.find((n) => n.workspace_id === workspace && !n.is_available && !(n.assistants as string[]).length);
		const agent: SynthflowAgent = {
			model_id: `${1717000000000 + i}x${randomId(random, 18).toLowerCase()}`,
			name: `${pick(random, ['Receptionist', 'Booking', 'Support', 'Sales', 'Survey'])} agent ${i + 1}`,
			type: i % 4 === 0 ? 'outbound' : 'inbound',
			phone_number: number ? number.phone_number : null,
			workspace_id: workspace,
		};
		if (number) (number.assistants as string[]).push(agent.model_id);
		agents.push(agent);
	}
	return {
		workspaces: [SYNTHFLOW_WORKSPACES.a, SYNTHFLOW_WORKSPACES.b],
		numbers,
		agents,
		apiKeys: { [SYNTHFLOW_KEYS.main]: [SYNTHFLOW_WORKSPACES.a, SYNTHFLOW_WORKSPACES.b] },
	};
}
