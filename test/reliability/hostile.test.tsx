/**
 * The nodes against hostile and broken answers (issue: "Nothing leaked, nothing lost, every wait
 * bounded"): what the fault matrix does not cover item by item. Each test asserts on what the
 * sandbox received and on what the user sees.
 */
import type { IDataObject } from 'n8n-workflow';

import { CLOSE_KEYS } from '../../sandbox/close/data';
import { SYNTHFLOW_KEYS, SYNTHFLOW_WORKSPACES } from '../../sandbox/synthflow/data';
import { requestsTo, useSandbox } from '../harness/sandbox';
import { closeCredentials } from '../../sandbox/close/provider';
import { signalWireCredentials } from '../../sandbox/signalwire/provider';
import { synthflowCredentials } from '../../sandbox/synthflow/provider';
import { listSearch, loadOptions, runNode, updateEachItem } from '../harness/runNode';

const sandbox = useSandbox();
const ORG_A = 'orga_AcmeSales000000000000001';
const FAST = { retryDelayMs: 5, maxTries: 3, timeoutSeconds: 2 };

const groupNumber = (index: number) =>
	sandbox().state.close.phoneNumbers.filter((n) => n.is_group_number && n.organization_id === ORG_A)[index];
const usersOfA = () => sandbox().state.close.users.filter((u) => u.organizationIds.includes(ORG_A)).map((u) => u.id);
/** The error as n8n shows and logs it, less `node` (the workflow's own parameters, which n8n adds). */
const errorText = (error: unknown) => JSON.stringify({ ...(error as object), node: undefined, stack: undefined });
function synthflowUpdate(phoneNumber: string, updateFields: IDataObject) {
	return runNode({
		node: 'synthflow',
		parameters: {
			resource: 'phoneNumber',
			operation: 'update',
			phoneNumber: { __rl: true, mode: 'number', value: phoneNumber },
			updateFields: updateFields as never,
			options: FAST,
		},
		credentials: synthflowCredentials(sandbox()),
	});
}
const stolen = () => sandbox().requests.filter((r) => r.path.startsWith('/stolen'));

function closeUpdate(items: IDataObject[], extra: IDataObject = {}, continueOnFail = false) {
	return runNode({
		node: 'close',
		parameters: {
			resource: 'phoneNumber',
			operation: 'update',
			phoneNumber: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			updateFields: { label: '={{ $json.label }}' },
			options: FAST,
			...extra,
		} as never,
		items,
		continueOnFail,
		credentials: closeCredentials(sandbox()),
	});
}

describe('redirects are never followed', () => {
	it('a dropdown answered 302 to another host fails with the redirect named; the credential stays home', async () => {
		sandbox().faults.add({ kind: 'redirect', provider: 'close', status: 302 });
		await expect(loadOptions('getUsers', { node: 'close', credentials: closeCredentials(sandbox()) })).rejects.toThrow(
			/answered 302, a redirect to localhost:\d+: it was not followed/,
		);
		expect(stolen()).toHaveLength(0);
	});

	it('a Synthflow PATCH with a trunk password answered 308 sends nothing to the other host', async () => {
		sandbox().faults.add({ kind: 'redirect', provider: 'synthflow', status: 308 });
		const number = sandbox().state.synthflow.numbers[0];
		const result = await synthflowUpdate(number.phone_number, { trunkUsername: 'u', trunkPassword: 'Trunk-Secret-42', uacEnabled: true });
		expect(result.error?.httpCode).toBe('308');
		expect(stolen()).toHaveLength(0);
		expect(errorText(result.error)).not.toContain('Trunk-Secret-42');
	});

	it('the nodes refuse the same Base URLs before sending anything', async () => {
		for (const baseUrl of ['http://127.0.0.1:4010@evil.example', 'https://evil.example', 'http://127.0.0.1:4010/path']) {
			const result = await runNode({
				node: 'close',
				parameters: { resource: 'phoneNumber', operation: 'getAll', returnAll: false, limit: 1 },
				credentials: { closePhoneNumbersApi: { apiKey: CLOSE_KEYS.adminA, baseUrl } },
			});
			expect(result.error?.message).toMatch(/Base URL must be a loopback origin/);
			const telnyx = await runNode({
				node: 'telnyx',
				parameters: { resource: 'phoneNumber', operation: 'getAll', returnAll: false, limit: 1 },
				credentials: { telnyxPhoneNumbersApi: { apiKey: 'KEY_secret', baseUrl } },
			});
			expect(telnyx.error?.message).toMatch(/Base URL must be a loopback origin/);
		}
		expect(sandbox().requests).toHaveLength(0);
	});
});

describe('a next link that redirects', () => {
	const paged = useSandbox({ signalwireMaxPageSize: 50 });

	it('on the same host, a SignalWire next page answered 307 to another host is not followed', async () => {
		paged().faults.add({ kind: 'redirect', provider: 'signalwire', status: 307, path: /page_token=/ });
		const result = await runNode({
			node: 'signalWire',
			parameters: { resource: 'phoneNumber', operation: 'getAll', returnAll: true, options: FAST },
			credentials: signalWireCredentials(paged()),
		});
		expect(requestsTo(paged(), 'signalwire')).toHaveLength(2);
		expect(requestsTo(paged(), 'signalwire')[1].query.page_token).toBeDefined();
		expect(result.error?.message).toMatch(/answered 307, a redirect to localhost:\d+: it was not followed/);
		expect(paged().requests.filter((r) => r.path.startsWith('/stolen'))).toHaveLength(0);
	});
});

describe('no update is lost to concurrency', () => {
	it("five items that each add a user to the same group number all land", async () => {
		const number = groupNumber(5);
		const before = [...(number.participants as string[])];
		const newcomers = usersOfA().filter((u) => !before.includes(u)).slice(0, 5);
		const result = await closeUpdate(
			newcomers.map((user) => ({ id: number.id, user })),
			{ membershipMode: 'add', updateFields: { participants: '={{ [$json.user] }}' }, options: { ...FAST, concurrency: 10 } },
		);
		expect(result.error).toBeUndefined();
		expect(number.participants).toEqual([...before, ...newcomers]);
		const puts = requestsTo(sandbox(), 'close').filter((r) => r.method === 'PUT');
		expect(puts).toHaveLength(5);
	});

	it('two removals from the same number both hold', async () => {
		const number = groupNumber(6);
		const users = usersOfA().slice(0, 4);
		number.participants = [...users];
		const result = await closeUpdate(
			[users[1], users[2]].map((user) => ({ id: number.id, user })),
			{ membershipMode: 'remove', updateFields: { participants: '={{ [$json.user] }}' }, options: { ...FAST, concurrency: 10 } },
		);
		expect(result.error).toBeUndefined();
		expect(number.participants).toEqual([users[0], users[3]]);
	});

	it('an empty participant list in Replace mode is refused and the ring group keeps its members', async () => {
		const number = groupNumber(7);
		const members = [...(number.participants as string[])];
		const result = await closeUpdate([{ id: number.id }], { updateFields: { participants: [] } });
		expect(result.error?.message).toMatch(/Participant Names or IDs: empty/);
		expect(result.error?.description).toMatch(/Remove From the Lists/);
		expect(sandbox().requests).toHaveLength(0);
		expect(number.participants).toEqual(members);
	});
});

describe('secrets never reach an output or an error', () => {
	it('an echoed Authorization header, with Continue On Fail, leaves no form of the key in the error items', async () => {
		sandbox().faults.add({ kind: 'echo', provider: 'close' });
		const number = groupNumber(0);
		const result = await closeUpdate([{ id: number.id, label: 'x' }], {}, true);
		const text = JSON.stringify(result.json);
		expect(result.json[0].error).toMatch(/Bad request/);
		const blob = Buffer.from(`${CLOSE_KEYS.adminA}:`).toString('base64');
		for (const form of [CLOSE_KEYS.adminA, blob, blob.replace(/=+$/, ''), encodeURIComponent(CLOSE_KEYS.adminA)]) {
			expect(text).not.toContain(form);
		}
		expect(text).toContain('****');
	});

	it("Synthflow's trunk password echoed in a 422 is masked", async () => {
		sandbox().faults.add({ kind: 'echo', provider: 'synthflow', status: 422 });
		const number = sandbox().state.synthflow.numbers[1];
		const result = await synthflowUpdate(number.phone_number, { trunkUsername: 'trunk-user', trunkPassword: 'Pw-Echoed-123', uacEnabled: true });
		expect(result.error?.httpCode).toBe('422');
		expect(requestsTo(sandbox(), 'synthflow')[0].rawBody).toContain('Pw-Echoed-123');
		expect(errorText(result.error)).not.toContain('Pw-Echoed-123');
		expect(errorText(result.error)).not.toContain(SYNTHFLOW_KEYS.main);
	});

	it('a trunk password that Synthflow sends back in a get is not output', async () => {
		const number = sandbox().state.synthflow.numbers[2];
		sandbox().faults.add({
			kind: 'body',
			provider: 'synthflow',
			method: 'GET',
			raw: JSON.stringify({ slug: number.slug, phone_number: number.phone_number, trunk_username: 'u', trunk_pwd: 'Leaked-Pw-1' }),
		});
		const result = await runNode({
			node: 'synthflow',
			parameters: { resource: 'phoneNumber', operation: 'get', phoneNumber: { __rl: true, mode: 'number', value: number.phone_number } },
			credentials: synthflowCredentials(sandbox()),
		});
		expect(result.error).toBeUndefined();
		expect(result.json[0]).toMatchObject({ slug: number.slug, trunk_username: 'u' });
		expect(JSON.stringify(result.json)).not.toContain('Leaked-Pw-1');
	});
});

describe('every wait counts against Max Wait', () => {
	it("another item's 429 with Retry-After: 30 fails the items behind it at once instead of holding them 30 s", async () => {
		const [a, b, c] = [0, 1, 2].map((i) => groupNumber(i).id);
		sandbox().faults.add({ kind: 'status', provider: 'close', status: 429, headers: { 'Retry-After': '30' }, times: 1 });
		const result = await closeUpdate(
			[a, b, c].map((id, i) => ({ id, label: `Held ${i}` })),
			{ options: { ...FAST, concurrency: 1, maxWaitSeconds: 2 } },
			true,
		);
		// Held 30 s each, three items would pass the test's own 60 s timeout.
		expect(requestsTo(sandbox(), 'close')).toHaveLength(1);
		for (const item of result.json) expect(item.error).toMatch(/rate limit reached/);
	});

	it('a window reported spent for 20 s fails the next request at once with Max Wait 2 s', async () => {
		const [a, b] = [0, 1].map((i) => groupNumber(i).id);
		// The first update is applied and its answer says the window is spent for 20 s.
		sandbox().faults.add({
			kind: 'status',
			provider: 'close',
			status: 200,
			body: { id: a, label: 'Window 0' },
			headers: { RateLimit: 'limit=100, remaining=0, reset=20' },
			times: 1,
		});
		const result = await closeUpdate(
			[a, b].map((id, i) => ({ id, label: `Window ${i}` })),
			{ options: { ...FAST, concurrency: 1, maxWaitSeconds: 2 } },
			true,
		);
		expect(result.json[0]).toMatchObject({ id: a, label: 'Window 0' });
		expect(result.json[1].error).toMatch(/rate limit/);
		expect(requestsTo(sandbox(), 'close')).toHaveLength(1);
	});

	it('a negative Retry-After is ignored: back-off applies, and past Max Wait the item fails after one try', async () => {
		sandbox().faults.add({ kind: 'status', provider: 'close', status: 429, headers: { 'Retry-After': '-5' } });
		const result = await closeUpdate([{ id: groupNumber(0).id, label: 'x' }], { options: { retryDelayMs: 5000, maxTries: 5, maxWaitSeconds: 1 } });
		expect(result.error?.httpCode).toBe('429');
		expect(requestsTo(sandbox(), 'close')).toHaveLength(1);
	});
});

describe('listings and searches are bounded', () => {
	it('a Close label search over pages that never end stops with an error that says so', async () => {
		const filler = Array.from({ length: 100 }, (_, i) => ({ id: `phon_filler${i}`, number: '+15550000000', label: 'other' }));
		sandbox().faults.add({ kind: 'status', provider: 'close', status: 200, body: { data: filler, has_more: true } });
		await expect(
			listSearch('searchPhoneNumbers', { node: 'close', credentials: closeCredentials(sandbox()), filter: 'Needle' }),
		).rejects.toThrow(/No number's label or number contains "Needle" among 4000 numbers searched/);
		expect(requestsTo(sandbox(), 'close').length).toBeLessThanOrEqual(44);
	});

	it('a Close search answered with an empty page that says there is more ends with an error', async () => {
		sandbox().faults.add({ kind: 'endless', provider: 'close' });
		await expect(
			listSearch('searchPhoneNumbers', { node: 'close', credentials: closeCredentials(sandbox()), filter: 'Needle' }),
		).rejects.toThrow(/same next page twice/);
		expect(requestsTo(sandbox(), 'close').length).toBeLessThanOrEqual(8);
	});
});

describe('odd inputs and the stop-at-first-failure report', () => {
	it('a Synthflow region "__proto__" is a clear error, not a TypeError', async () => {
		const result = await runNode({
			node: 'synthflow',
			parameters: { resource: 'phoneNumber', operation: 'getAll', returnAll: false, limit: 1 },
			credentials: { synthflowPhoneNumbersApi: { apiKey: SYNTHFLOW_KEYS.main, region: '__proto__', workspaceId: SYNTHFLOW_WORKSPACES.a } },
		});
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(/Region "__proto__" is not one of Global, US or EU/);
	});

	it('a Synthflow number given as the JSON number 3378299058.05 is refused, not patched as another number', async () => {
		const result = await synthflowUpdate('={{ 3378299058.05 }}', { friendlyName: 'x' });
		expect(result.error?.message).toMatch(/Phone Number: 3378299058.05 is not a whole number/);
		expect(sandbox().requests).toHaveLength(0);
	});


});

describe('the stop-at-first-failure report', () => {
	const many = useSandbox({ closeAllGroupNumbers: true });

	it('without Continue On Fail, the error says which items were applied and which were never sent', async () => {
		const numbers = many().state.close.phoneNumbers.filter((n) => n.organization_id === ORG_A).slice(0, 100);
		expect(numbers).toHaveLength(100);
		const items = numbers.map((n, i) => ({ id: i === 37 ? 'phon_missing000000' : n.id, label: `Batch ${i}` }));
		const result = await runNode({
			node: 'close',
			parameters: updateEachItem('phoneNumber', { label: '={{ $json.label }}' }, { ...FAST, concurrency: 10 }),
			items,
			credentials: closeCredentials(many()),
		});
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.description).toMatch(/Item 37 failed, so the node stopped\./);
		const applied = requestsTo(many(), 'close').filter((r) => r.method === 'PUT' && r.status === 200).map((r) => items.findIndex((i) => r.path.includes(i.id)));
		const last = Math.max(...applied);
		expect(last).toBeGreaterThan(37);
		expect(result.error?.description).toContain(`Already applied: items 0–36, 38–${last}.`);
		expect(result.error?.description).toContain(`Never sent: ${last + 1}–99.`);
	});});
