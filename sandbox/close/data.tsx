import { FIRST_NAMES, LAST_NAMES, formatNumber, pick, prng, randomId } from '../http';

export interface CloseUser {
	id: string;
	first_name: string;
	last_name: string;
	email: string;
	organizationIds: string[];
	/** May change group numbers ("Manage Group Phone Numbers"). */
	canManageGroupNumbers: boolean;
}

export interface CloseOrganization {
	id: string;
	name: string;
}

export type ClosePhoneNumber = Record<string, unknown> & {
	id: string;
	number: string;
	organization_id: string;
	is_group_number: boolean;
	user_id: string | null;
	type: 'internal' | 'external' | 'virtual';
};

export interface CloseApiKey {
	key: string;
	userId: string;
	organizationId: string;
}

export interface CloseData {
	organizations: CloseOrganization[];
	users: CloseUser[];
	phoneNumbers: ClosePhoneNumber[];
	apiKeys: CloseApiKey[];
}

/** Well-known sandbox secrets, printed by the CLI and used by tests and example credentials. */
export const CLOSE_KEYS = {
	/** Admin of organization A (may manage group numbers). */
	adminA: 'api_2OTjV9gDlyRmvJZzYBWayboWDj',
	/** A sales rep of organization A (no group-number permission). */
	repA: 'api_kocjjjyRHuXQad8SfG9HVy3Ere',
	/** Admin of organization B. */
	adminB: 'api_qKrl0siF4aM1EjZH909w2HXrjX',
};

export const CLOSE_OAUTH_CLIENT = {
	clientId: 'oa2client_sandbox_close',
	clientSecret: 'oa2secret_sandbox_close_0001',
};

export interface CloseSeedOptions {
	numbers?: number;
	users?: number;
}

function isoDate(random: () => number): string {
	const day = 1 + Math.floor(random() * 900);
	return new Date(Date.UTC(2023, 0, 1) + day * 86_400_000).toISOString().replace('Z', '+00:00');
}

export function seedClose(options: CloseSeedOptions = {}): CloseData {
	const random = prng(1001);
	const numberCount = options.numbers ?? 250;
	const userCount = options.users ?? 60;
	const organizations: CloseOrganization[] = [
		{ id: 'orga_AcmeSales000000000000001', name: 'Acme Sales' },
		{ id: 'orga_GlobexSupport0000000002', name: 'Globex Support' },
	];
	const [orgA, orgB] = organizations;
	const users: CloseUser[] = [];
	for (let i = 0; i < userCount; i++) {
		const first = FIRST_NAMES[i % FIRST_NAMES.length];
		const last = LAST_NAMES[Math.floor(i / FIRST_NAMES.length + i * 7) % LAST_NAMES.length];
		// Two thirds in A, the rest in B; user 0 of each org is its admin.
		const inA = i < Math.ceil((userCount * 2) / 3);
		users.push({
			id: `user_${randomId(random)}`,
			first_name: first,
			last_name: last,
			email: `${first}.${last}${i}@${inA ? 'acme' : 'globex'}.example`.toLowerCase(),
			organizationIds: [inA ? orgA.id : orgB.id],
			canManageGroupNumbers: i === 0 || i === Math.ceil((userCount * 2) / 3),
		});
	}
	const usersA = users.filter((u) => u.organizationIds.includes(orgA.id));
	const usersB = users.filter((u) => u.organizationIds.includes(orgB.id));
	// One user belongs to both organizations, as happens with agencies.
	usersB[usersB.length - 1]?.organizationIds.push(orgA.id);

	const labels = ['Sales line', 'Support', 'After hours', 'Main office', 'Recruiting', 'Partners', 'Billing', 'EMEA desk', ''];
	const phoneNumbers: ClosePhoneNumber[] = [];
	for (let i = 0; i < numberCount; i++) {
		const inA = i < Math.ceil((numberCount * 4) / 5);
		const org = inA ? orgA : orgB;
		const members = inA ? usersA : usersB;
		const isGroup = i % 5 === 0;
		const type = i % 11 === 3 ? 'external' : i % 13 === 7 ? 'virtual' : 'internal';
		const areaCode = pick(random, ['650', '415', '212', '646', '312', '305', '512']);
		const number = `+1${areaCode}555${String(1000 + i).padStart(4, '0')}`;
		const owner = isGroup ? null : (i < members.length * 2 ? members[i % members.length] : pick(random, members));
		// The members of the number: a group's ring list, a personal number's owner.
		const participants = isGroup ? members.slice(i % 3, (i % 3) + 3).map((u) => u.id) : owner ? [owner.id] : [];
		const externals = isGroup && i % 10 === 0 ? [`+1${areaCode}777${String(2000 + i).padStart(4, '0')}`] : [];
		const created = isoDate(random);
		phoneNumbers.push({
			id: `phon_${randomId(random)}`,
			number,
			number_formatted: formatNumber(number),
			label: labels[i % labels.length] ? `${labels[i % labels.length]} ${Math.floor(i / labels.length) + 1}` : '',
			type,
			is_group_number: isGroup,
			user_id: owner ? owner.id : null,
			participants,
			phone_numbers: externals,
			phone_numbers_formatted: externals.map(formatNumber),
			forward_to: null,
			forward_to_formatted: null,
			forward_to_enabled: false,
			voicemail_greeting_url: null,
			inbound_ring_duration: null,
			press_1_to_accept: false,
			sms_enabled: type === 'internal',
			mms_enabled: type === 'internal' && i % 2 === 0,
			supports_sms_to_countries: type === 'internal' ? ['US', 'CA'] : [],
			supports_mms_to_countries: type === 'internal' && i % 2 === 0 ? ['US'] : [],
			country: 'US',
			carrier: type === 'internal' ? pick(random, ['twilio', 'plivo'] as const) : null,
			carrier_type: type === 'internal' ? 'local' : null,
			is_premium: false,
			is_verified: type !== 'external' || i % 2 === 0,
			was_ported: i % 17 === 0,
			address_id: null,
			bundle_id: null,
			last_billed_price: type === 'internal' ? 1.5 : null,
			next_billing_on: type === 'internal' ? '2026-12-01T00:00:00+00:00' : null,
			organization_id: org.id,
			date_created: created,
			date_updated: created,
		});
	}
	const adminA = usersA[0];
	const repA = usersA[1];
	const adminB = usersB[0];
	// The rep owns a few personal numbers of its own.
	phoneNumbers.filter((n) => n.organization_id === orgA.id && !n.is_group_number).slice(0, 3).forEach((n) => {
		n.user_id = repA.id;
		n.participants = [repA.id];
	});
	return {
		organizations,
		users,
		phoneNumbers,
		apiKeys: [
			{ key: CLOSE_KEYS.adminA, userId: adminA.id, organizationId: orgA.id },
			{ key: CLOSE_KEYS.repA, userId: repA.id, organizationId: orgA.id },
			{ key: CLOSE_KEYS.adminB, userId: adminB.id, organizationId: orgB.id },
		],
	};
}
