import { CLOSE_KEYS } from '../../sandbox/close/data';
import { requestsTo, useSandbox } from '../harness/sandbox';
import { closeCredentials } from '../../sandbox/close/provider';
import { listSearch, loadOptions, runNode } from '../harness/runNode';

const sandbox = useSandbox();
const ORG_A = 'orga_AcmeSales000000000000001';

function numbersOfA() {
	return sandbox().state.close.phoneNumbers.filter((n) => n.organization_id === ORG_A);
}

function getAll(parameters: Record<string, unknown>, apiKey?: string) {
	return runNode({
		node: 'close',
		parameters: { resource: 'phoneNumber', operation: 'getAll', ...parameters } as never,
		credentials: closeCredentials(sandbox(), apiKey),
	});
}

describe('Close: get and list phone numbers', () => {
	it('gets one number by its ID', async () => {
		const number = numbersOfA()[7];
		const result = await runNode({
			node: 'close',
			parameters: { resource: 'phoneNumber', operation: 'get', phoneNumber: { __rl: true, mode: 'list', value: number.id } },
			credentials: closeCredentials(sandbox()),
		});
		expect(result.error).toBeUndefined();
		expect(result.json).toEqual([number]);
		const [sent] = requestsTo(sandbox(), 'close');
		expect(sent.method).toBe('GET');
		expect(sent.path).toBe(`/api/v1/phone_number/${number.id}/`);
	});

	it('returns all numbers over several pages with Return All', async () => {
		const result = await getAll({ returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.json.map((n) => n.id)).toEqual(numbersOfA().map((n) => n.id));
		const pages = requestsTo(sandbox(), 'close');
		expect(pages.length).toBe(Math.ceil(numbersOfA().length / 100));
		expect(pages.map((r) => r.query._skip)).toEqual(['0', '100'].slice(0, pages.length).concat(pages.length > 2 ? ['200'] : []));
		expect(result.items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('stops at the limit, asking for no more than it needs', async () => {
		const result = await getAll({ returnAll: false, limit: 7 });
		expect(result.json).toHaveLength(7);
		const pages = requestsTo(sandbox(), 'close');
		expect(pages).toHaveLength(1);
		expect(pages[0].query._limit).toBe('7');
	});

	it('filters by number on the server', async () => {
		const number = numbersOfA()[12];
		const result = await getAll({ returnAll: true, filters: { number: number.number } });
		expect(result.json.map((n) => n.id)).toEqual([number.id]);
		expect(requestsTo(sandbox(), 'close')[0].query.number).toBe(number.number);
	});

	it('filters by participant on the server', async () => {
		const group = numbersOfA().find((n) => n.is_group_number && (n.participants as string[]).length)!;
		const userId = (group.participants as string[])[0];
		const result = await getAll({ returnAll: true, filters: { participantUserId: userId } });
		expect(result.json.length).toBeGreaterThan(0);
		expect(result.json.every((n) => n.user_id === userId || (n.participants as string[]).includes(userId))).toBe(true);
		expect(requestsTo(sandbox(), 'close')[0].query.participant_user_id).toBe(userId);
	});

	it.each(['internal', 'external', 'virtual'])('filters by type %s across pages', async (type) => {
		const expected = numbersOfA().filter((n) => n.type === type).map((n) => n.id);
		const result = await getAll({ returnAll: true, filters: { type } });
		expect(result.json.map((n) => n.id)).toEqual(expected);
	});

	it('fills the limit with the type filter even when a page holds fewer matches', async () => {
		const expected = numbersOfA().filter((n) => n.type === 'external').slice(0, 12).map((n) => n.id);
		const result = await getAll({ returnAll: false, limit: 12, filters: { type: 'external' } });
		expect(result.json.map((n) => n.id)).toEqual(expected);
		const pages = requestsTo(sandbox(), 'close');
		expect(pages.length).toBeGreaterThan(1);
		// Matches are picked out here, so every page is a whole one (12 a page would take many more requests).
		expect(pages.map((r) => r.query._limit)).toEqual(pages.map(() => '100'));
	});

	it('refuses a bad number filter before any request', async () => {
		const result = await getAll({ returnAll: true, filters: { number: '650 555' } });
		expect(result.error?.message).toContain('Number');
		expect(requestsTo(sandbox(), 'close')).toHaveLength(0);
	});
});

describe('Close: dropdowns', () => {
	it('lists phone numbers page by page, one request a page, labelled for people', async () => {
		const credentials = closeCredentials(sandbox());
		const first = await listSearch('searchPhoneNumbers', { node: 'close', credentials });
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toBe('100');
		const group = numbersOfA()[0];
		expect(first.results[0]).toEqual({
			name: `${group.number_formatted as string} · ${group.label as string} (${(group.participants as string[]).length} members)`,
			value: group.id,
		});
		expect(requestsTo(sandbox(), 'close')).toHaveLength(1);

		const second = await listSearch('searchPhoneNumbers', { node: 'close', credentials, paginationToken: first.paginationToken });
		expect(second.results[0].value).toBe(numbersOfA()[100].id);
		expect(requestsTo(sandbox(), 'close')[1].query._skip).toBe('100');
	});

	it('looks up a full number on the server, and matches labels on the page', async () => {
		const credentials = closeCredentials(sandbox());
		const number = numbersOfA()[42];
		const byNumber = await listSearch('searchPhoneNumbers', { node: 'close', credentials, filter: number.number_formatted as string });
		expect(byNumber.results.map((r) => r.value)).toEqual([number.id]);
		expect(requestsTo(sandbox(), 'close')[0].query.number).toBe(number.number);

		const byLabel = await listSearch('searchPhoneNumbers', { node: 'close', credentials, filter: 'after hours' });
		expect(byLabel.results.length).toBeGreaterThan(0);
		expect(byLabel.results.every((r) => r.name.toLowerCase().includes('after hours'))).toBe(true);
	});

	it('asks only for the fields it shows', async () => {
		await listSearch('searchPhoneNumbers', { node: 'close', credentials: closeCredentials(sandbox()) });
		expect(requestsTo(sandbox(), 'close')[0].query._fields).toBe('id,number,number_formatted,label,participants');
	});

	it('finds a label further down the list instead of showing "No results" for an empty first page', async () => {
		const far = numbersOfA()[numbersOfA().length - 2];
		const before = far.label;
		far.label = 'Night shift desk';
		try {
			const found = await listSearch('searchPhoneNumbers', { node: 'close', credentials: closeCredentials(sandbox()), filter: 'night SHIFT' });
			expect(found.results).toEqual([{ name: `${far.number_formatted as string} · Night shift desk`, value: far.id }]);
			// The list ended: nothing more to load.
			expect(found.paginationToken).toBeUndefined();
			const skips = requestsTo(sandbox(), 'close').map((r) => Number(r.query._skip));
			expect(new Set(skips).size).toBe(skips.length); // no page read twice
			expect(skips).toContain(Math.floor((numbersOfA().length - 2) / 100) * 100);
		} finally {
			far.label = before;
		}
	});

	it('stops reading once a screenful matches, and the next load goes on from there', async () => {
		const credentials = closeCredentials(sandbox());
		const matching = numbersOfA().filter((n) => String(n.label).toLowerCase().includes('support'));
		const first = await listSearch('searchPhoneNumbers', { node: 'close', credentials, filter: 'support' });
		expect(first.results.length).toBeGreaterThanOrEqual(10);
		expect(first.results.map((r) => r.value)).toEqual(matching.slice(0, first.results.length).map((n) => n.id));
		if (first.paginationToken !== undefined) {
			const more = await listSearch('searchPhoneNumbers', { node: 'close', credentials, filter: 'support', paginationToken: first.paginationToken });
			const all = [...first.results, ...more.results].map((r) => r.value);
			expect(all).toEqual(matching.slice(0, all.length).map((n) => n.id));
		}
		const skips = requestsTo(sandbox(), 'close').map((r) => Number(r.query._skip));
		expect(new Set(skips).size).toBe(skips.length);
	});

	it("loads the organization's users, sorted, as First Last (email)", async () => {
		const options = await loadOptions('getUsers', { node: 'close', credentials: closeCredentials(sandbox()) });
		const members = sandbox().state.close.users.filter((u) => u.organizationIds.includes(ORG_A));
		expect(options).toHaveLength(members.length);
		expect(options.map((o) => o.value).sort()).toEqual(members.map((u) => u.id).sort());
		const names = options.map((o) => o.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		const someone = members[3];
		expect(options).toContainEqual({ name: `${someone.first_name} ${someone.last_name} (${someone.email})`, value: someone.id });
	});

	it("gives each credential its own organization's users (nothing shared between credentials)", async () => {
		const a = await loadOptions('getUsers', { node: 'close', credentials: closeCredentials(sandbox()) });
		const b = await loadOptions('getUsers', { node: 'close', credentials: closeCredentials(sandbox(), CLOSE_KEYS.adminB) });
		const orgB = sandbox().state.close.users.filter((u) => u.organizationIds.includes('orga_GlobexSupport0000000002'));
		expect(b.map((o) => o.value).sort()).toEqual(orgB.map((u) => u.id).sort());
		expect(a.map((o) => o.value)).not.toEqual(b.map((o) => o.value));
	});

	it('lists the external numbers (every page) by E.164 number for group numbers', async () => {
		const options = await loadOptions('getExternalNumbers', { node: 'close', credentials: closeCredentials(sandbox()) });
		const external = numbersOfA().filter((n) => n.type === 'external');
		expect(external.length).toBeGreaterThan(10);
		expect(options.map((o) => o.value).sort()).toEqual(external.map((n) => n.number).sort());
		expect(options.every((o) => /^\+1 \d{3}-\d{3}-\d{4}/.test(o.name))).toBe(true);
		expect(requestsTo(sandbox(), 'close').length).toBe(Math.ceil(numbersOfA().length / 100));
	});

	it("shows Close's error when a dropdown fails, never an empty list", async () => {
		await expect(
			loadOptions('getUsers', { node: 'close', credentials: closeCredentials(sandbox(), 'api_revokedKey0000000') }),
		).rejects.toMatchObject({ httpCode: '401' });
		await expect(
			listSearch('searchPhoneNumbers', { node: 'close', credentials: closeCredentials(sandbox(), 'api_revokedKey0000000') }),
		).rejects.toMatchObject({ httpCode: '401' });
	});
});
