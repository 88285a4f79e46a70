import { prng, randomId } from '../http';

export type RetellRecord = Record<string, unknown>;

export interface RetellData {
	apiKeys: string[];
	numbers: RetellRecord[];
	/** Voice and chat agents, each with its `channel`. */
	agents: RetellRecord[];
	/** Write-only SIP passwords by number (Retell never answers them). */
	authPasswords: Map<string, string>;
	/** Earlier and later versions of some agents (`agents` holds version 1 of each), by agent ID. */
	versions: Map<string, RetellRecord[]>;
}

export const RETELL_KEYS = { main: 'key_7c1e9a40b25d4f83a6e0d19c52b7f8e3' };

/** A workspace with numbers of each type, 150 voice agents (two pages of 100) and 30 chat agents. */
export function seedRetell(options: { numbers?: number } = {}): RetellData {
	const random = prng(7070);
	const agents: RetellRecord[] = [
		...Array.from({ length: 150 }, (_, i) => ({ agent_id: `agent_${randomId(random, 24)}`, agent_name: `Voice agent ${String(i + 1).padStart(3, '0')}`, channel: 'voice', version: 1 })),
		...Array.from({ length: 30 }, (_, i) => ({ agent_id: `agent_${randomId(random, 24)}`, agent_name: `Chat agent ${String(i + 1).padStart(2, '0')}`, channel: 'chat', version: 1 })),
	];
	const types = ['retell-twilio', 'retell-telnyx', 'custom'];
	const numbers: RetellRecord[] = Array.from({ length: options.numbers ?? 40 }, (_, i) => {
		const phone = `+1415777${String(4000 + i).padStart(4, "0")}`;
		return {
			phone_number: phone,
			phone_number_pretty: `+1 (415) 777-${String(4000 + i).padStart(4, '0')}`,
			phone_number_type: types[i % types.length],
			area_code: 415,
			nickname: i % 2 === 0 ? `Line ${i + 1}` : null,
			inbound_agents: i % 3 === 0 ? [{ agent_id: agents[i % 150].agent_id, weight: 1 }] : null,
			outbound_agents: null,
			inbound_sms_agents: null,
			outbound_sms_agents: null,
			inbound_webhook_url: null,
			inbound_sms_webhook_url: null,
			fallback_number: null,
			allowed_inbound_country_list: null,
			allowed_outbound_country_list: null,
			sip_outbound_trunk_config: types[i % types.length] === 'custom' ? { termination_uri: `trunk${i}.pstn.twilio.com`, auth_username: `user${i}`, transport: 'TCP' } : null,
			last_modification_timestamp: Date.parse('2026-01-01T00:00:00Z') + i * 1000,
		};
	});
	// The first voice agents were worked on: version 2 is published (with a title), version 3 a draft.
	const versions = new Map<string, RetellRecord[]>();
	for (const agent of agents.slice(0, 5)) {
		versions.set(String(agent.agent_id), [
			{ ...agent, version: 2, is_published: true, version_title: 'Spring prompt' },
			{ ...agent, version: 3, is_published: false, version_title: null },
		]);
	}
	return { apiKeys: [RETELL_KEYS.main], numbers, agents, authPasswords: new Map(), versions };
}
