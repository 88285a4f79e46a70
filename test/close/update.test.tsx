import type { IDataObject } from 'n8n-workflow';

import { CLOSE_KEYS } from '../../sandbox/close/data';
import { requestsTo, useSandbox } from '../harness/sandbox';
import { closeCredentials } from '../../sandbox/close/provider';
import { runNode, updateEachItem } from '../harness/runNode';

const sandbox = useSandbox();
const ORG_A = 'orga_AcmeSales000000000000001';

function groupNumber(index = 0) {
	return sandbox().state.close.phoneNumbers.filter((n) => n.is_group_number && n.organization_id === ORG_A)[index];
}

function update(
	id: unknown,
	updateFields: Record<string, unknown>,
	options: { apiKey?: string; items?: IDataObject[]; continueOnFail?: boolean; mode?: string } = {},
) {
	return runNode({
		node: 'close',
		parameters: {
			resource: 'phoneNumber',
			operation: 'update',
			phoneNumber: { __rl: true, mode: options.mode ?? 'id', value: id as string },
			updateFields: updateFields as never,
			options: { retryDelayMs: 5 },
		},
		items: options.items,
		continueOnFail: options.continueOnFail,
		credentials: closeCredentials(sandbox(), options.apiKey),
	});
}

describe('Close: update a phone number', () => {
	it('sends exactly the fields set, in snake_case, with Basic auth (key as user, empty password)', async () => {
		const number = groupNumber();
		const result = await update(number.id, { label: 'Night line', inboundRingDuration: 45 });

		expect(result.error).toBeUndefined();
		const sent = requestsTo(sandbox(), 'close');
		expect(sent).toHaveLength(1);
		expect(sent[0].method).toBe('PUT');
		expect(sent[0].path).toBe(`/api/v1/phone_number/${number.id}/`);
		expect(sent[0].body).toEqual({ label: 'Night line', inbound_ring_duration: 45 });
		expect(sent[0].headers.authorization).toBe(`Basic ${Buffer.from(`${CLOSE_KEYS.adminA}:`).toString('base64')}`);
		expect(sent[0].headers['content-type']).toContain('application/json');
		expect(result.json).toHaveLength(1);
		expect(result.json[0]).toMatchObject({ id: number.id, label: 'Night line', inbound_ring_duration: 45 });
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(number.label).toBe('Night line');
	});

	it.each([
		['label', 'Support', { label: 'Support' }],
		['forwardTo', '+16502221111', { forward_to: '+16502221111' }],
		['forwardToEnabled', true, { forward_to_enabled: true }],
		['voicemailGreetingUrl', 'https://cdn.example.com/greeting.mp3', { voicemail_greeting_url: 'https://cdn.example.com/greeting.mp3' }],
		['voicemailGreetingUrl', '', { voicemail_greeting_url: null }],
		['phoneNumbers', '+16503334444, +16503335555', { phone_numbers: ['+16503334444', '+16503335555'] }],
		['phoneNumbers', ['+16503334444'], { phone_numbers: ['+16503334444'] }],
		['press1ToAccept', true, { press_1_to_accept: true }],
		['inboundRingDuration', 15, { inbound_ring_duration: 15 }],
		['inboundRingDuration', 90, { inbound_ring_duration: 90 }],
	])('maps %s = %j to %j and changes the number', async (field, value, body) => {
		const number = groupNumber(1);
		const result = await update(number.id, { [field]: value });
		expect(result.error).toBeUndefined();
		const [sent] = requestsTo(sandbox(), 'close');
		expect(sent.body).toEqual(body);
		const [[key, expected]] = Object.entries(body);
		expect(number[key]).toEqual(expected);
		expect(result.json[0][key]).toEqual(expected);
	});

	it('sends participants as a list of user IDs', async () => {
		const number = groupNumber(2);
		const users = sandbox().state.close.users.filter((u) => u.organizationIds.includes(ORG_A)).slice(5, 7).map((u) => u.id);
		const result = await update(number.id, { participants: users });
		expect(result.error).toBeUndefined();
		expect(requestsTo(sandbox(), 'close')[0].body).toEqual({ participants: users });
		expect(number.participants).toEqual(users);
	});

	it.each([
		[{}, 'Update Fields'],
		[{ forwardTo: '6502221111' }, 'Forward To'],
		[{ forwardTo: '+0123' }, 'Forward To'],
		// forward_to is a string in Close's update schema: null is refused there, and '' too.
		[{ forwardTo: '' }, 'Forward To'],
		[{ participants: [] }, 'Participant Names or IDs'],
		[{ phoneNumbers: [] }, 'Phone Number Names or IDs'],
		[{ voicemailGreetingUrl: 'http://cdn.example.com/greeting.mp3' }, 'Voicemail Greeting URL'],
		[{ voicemailGreetingUrl: 'not a url' }, 'Voicemail Greeting URL'],
		[{ inboundRingDuration: 14 }, 'Inbound Ring Duration'],
		[{ inboundRingDuration: 91 }, 'Inbound Ring Duration'],
		[{ inboundRingDuration: 30.5 }, 'Inbound Ring Duration'],
		[{ phoneNumbers: '+16503334444, 555-1234' }, 'Phone Number Names or IDs'],
		[{ participants: ['user_ok1', 'bob@example.com'] }, 'Participant'],
		[{ label: { nested: true } }, 'Label'],
		[{ forwardToEnabled: 'yes' }, 'Forward To Enabled'],
	])('refuses %j before any request, naming %s', async (fields, name) => {
		const result = await update(groupNumber(3).id, fields);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(`${result.error?.message} ${result.error?.description ?? ''}`).toContain(name);
		expect(result.error?.context?.itemIndex).toBe(0);
		expect(requestsTo(sandbox(), 'close')).toHaveLength(0);
	});

	it.each(['phon_abc/../../me', 'phon_x?y=1', 'user_abc', '../phone_number', 'phon_a#b', 'phon_%2e%2e', 'phon_\u0000x'])(
		'refuses the ID %j from an expression before any request',
		async (id) => {
			const result = await update(`={{ ${JSON.stringify(id)} }}`, { label: 'x' });
			expect(result.error?.name).toBe('NodeOperationError');
			expect(result.error?.message).toContain('Phone Number');
			expect(result.error?.context?.itemIndex).toBe(0);
			expect(requestsTo(sandbox(), 'close')).toHaveLength(0);
		},
	);

	it('lets n8n refuse a literal ID that fails the locator validation, before the run', async () => {
		const result = await update('phon_../../me', { label: 'x' });
		expect(result.error?.message).toContain('Not a Close phone number ID');
		expect(requestsTo(sandbox(), 'close')).toHaveLength(0);
	});

	it('refuses an ID from an expression that is an object, never sending [object Object]', async () => {
		const result = await update('={{ { id: 1 } }}', { label: 'x' });
		expect(result.error?.message).toMatch(/Phone Number: expected text, got an object/);
		expect(requestsTo(sandbox(), 'close')).toHaveLength(0);
	});

	it("surfaces Close's field errors (400) as a NodeApiError with the provider's message", async () => {
		// Only Close knows its organization's users: one from another organization is refused there.
		const stranger = sandbox().state.close.users.find((u) => !u.organizationIds.includes(ORG_A))!;
		const result = await update(groupNumber().id, { participants: [stranger.id] });
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.httpCode).toBe('400');
		expect(result.error?.message).toContain(`participants: Unknown user(s): ${stranger.id}.`);
		expect(requestsTo(sandbox(), 'close')).toHaveLength(1);
	});

	it('sets the members of a personal number too: participants are not limited to group numbers', async () => {
		const personal = sandbox().state.close.phoneNumbers.find((n) => !n.is_group_number && n.organization_id === ORG_A)!;
		const users = sandbox().state.close.users.filter((u) => u.organizationIds.includes(ORG_A)).slice(3, 5).map((u) => u.id);
		const result = await update(personal.id, { participants: users });
		expect(result.error).toBeUndefined();
		expect(requestsTo(sandbox(), 'close')[0].body).toEqual({ participants: users });
		expect(personal.participants).toEqual(users);
	});

	it('lets the only member of a number change its label and forwarding without Manage Team Phone Numbers', async () => {
		const own = sandbox().state.close.phoneNumbers.filter((n) => n.user_id === sandbox().state.close.apiKeys[1].userId)[2];
		const result = await update(own.id, { label: 'My line', forwardTo: '+16502221111', forwardToEnabled: true }, { apiKey: CLOSE_KEYS.repA });
		expect(result.error).toBeUndefined();
		expect(own).toMatchObject({ label: 'My line', forward_to: '+16502221111', forward_to_enabled: true });
	});

	it('explains the 403 for anything else the only member changes without the permission', async () => {
		const own = sandbox().state.close.phoneNumbers.filter((n) => n.user_id === sandbox().state.close.apiKeys[1].userId)[2];
		const result = await update(own.id, { inboundRingDuration: 45 }, { apiKey: CLOSE_KEYS.repA });
		expect(result.error?.httpCode).toBe('403');
		expect(result.error?.message).toContain('inbound_ring_duration');
		expect(result.error?.description).toContain('only member of a number may change just its label, voicemail greeting and forwarding');
		expect(own.inbound_ring_duration).not.toBe(45);
	});

	it('explains a 401 with where the key goes, and never shows the key', async () => {
		const result = await update(groupNumber().id, { label: 'x' }, { apiKey: 'api_wrongKey123456789' });
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.httpCode).toBe('401');
		expect(result.error?.description).toContain('user name');
		expect(JSON.stringify(result.error)).not.toContain('api_wrongKey123456789');
		// n8n itself re-sends once after a 401 (to refresh credentials); the node adds no retry.
		expect(requestsTo(sandbox(), 'close').length).toBeLessThanOrEqual(2);
	});

	it('explains a 403 with the permission a number needs', async () => {
		const result = await update(groupNumber().id, { label: 'x' }, { apiKey: CLOSE_KEYS.repA });
		expect(result.error?.httpCode).toBe('403');
		expect(result.error?.message).toContain('Manage Team Phone Numbers');
		expect(result.error?.description).toContain('"Manage Team Phone Numbers" permission (formerly "Manage Group Phone Numbers")');
		expect(JSON.stringify(result.error)).not.toContain(CLOSE_KEYS.repA);
		expect(requestsTo(sandbox(), 'close')).toHaveLength(1);
	});

	it('explains a 404 with the ID that was looked for', async () => {
		const result = await update('phon_doesNotExist1234', { label: 'x' });
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.description).toContain('phon_doesNotExist1234');
		expect(requestsTo(sandbox(), 'close')).toHaveLength(1);
	});

	it('with Continue On Fail, turns each failed item into an error item and updates the rest once', async () => {
		const [a, b] = [groupNumber(4), groupNumber(5)];
		const result = await runNode({
			node: 'close',
			parameters: updateEachItem('phoneNumber', { label: '={{ $json.label }}', inboundRingDuration: '={{ $json.ring }}' }),
			items: [
				{ id: a.id, label: 'First', ring: 20 },
				{ id: a.id, label: 'Bad ring', ring: 5 },
				{ id: 'phon_missing000000', label: 'Missing', ring: 20 },
				{ id: b.id, label: 'Last', ring: 25 },
			],
			continueOnFail: true,
			credentials: closeCredentials(sandbox()),
		});
		expect(result.error).toBeUndefined();
		expect(result.json).toHaveLength(4);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(result.json[0]).toMatchObject({ id: a.id, label: 'First' });
		expect(result.json[1].error).toContain('Inbound Ring Duration');
		expect(result.json[2].error).toContain('404');
		expect(result.json[3]).toMatchObject({ id: b.id, label: 'Last' });
		const puts = requestsTo(sandbox(), 'close').filter((r) => r.method === 'PUT');
		expect(puts.map((r) => r.path).sort()).toEqual(
			[`/api/v1/phone_number/${a.id}/`, '/api/v1/phone_number/phon_missing000000/', `/api/v1/phone_number/${b.id}/`].sort(),
		);
	});

	it('without Continue On Fail, stops with the failing item index', async () => {
		const a = groupNumber(6);
		const result = await runNode({
			node: 'close',
			parameters: updateEachItem('phoneNumber', { inboundRingDuration: '={{ $json.ring }}' }),
			items: [{ id: a.id, ring: 20 }, { id: a.id, ring: 500 }],
			credentials: closeCredentials(sandbox()),
		});
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toContain('Inbound Ring Duration');
		expect(result.error?.context?.itemIndex).toBe(1);
	});
});
