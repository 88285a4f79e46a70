/**
 * Issue 37: inputs and answers without bounds. Options past what a timer can hold, integers written
 * in hex, binary or exponent form, megabytes of text, an answer too large to output, and Close's
 * Add mode handed a membership list holding what no membership list holds. Through n8n-core
 * against the sandbox; each asserts on what the provider received and what the user sees.
 */
import type { IDataObject } from 'n8n-workflow';

import { requestsTo, useSandbox } from '../harness/sandbox';
import { closeCredentials } from '../../sandbox/close/provider';
import { runNode } from '../harness/runNode';

const sandbox = useSandbox();
const ORG_A = 'orga_AcmeSales000000000000001';
const group = (index: number) => sandbox().state.close.phoneNumbers.filter((n) => n.is_group_number && n.organization_id === ORG_A)[index];

function closeUpdate(id: string, updateFields: IDataObject, extra: IDataObject = {}) {
	return runNode({
		node: 'close',
		parameters: { resource: 'phoneNumber', operation: 'update', phoneNumber: { __rl: true, mode: 'id', value: id }, updateFields, ...extra } as never,
		credentials: closeCredentials(sandbox()),
	});
}

describe('request options are bounded', () => {
	it.each([
		['maxWaitSeconds', 30 * 24 * 3600, /Max Wait \(Seconds\): must be a number from 0 to 3600/],
		['timeoutSeconds', 30 * 24 * 3600, /Timeout \(Seconds\): must be a number from 1 to 600/],
		['retryDelayMs', 2 ** 31, /Retry Delay \(Ms\): must be a number from 0 to 60000/],
		['maxTries', 1000, /Max Tries: must be a number from 1 to 20/],
		['timeoutSeconds', '={{ "30" }}', /Timeout \(Seconds\): must be a number/],
	])('%s = %s is refused before any request', async (option, value, message) => {
		const result = await closeUpdate(group(0).id, { label: 'x' }, { options: { [option]: value } });
		expect(result.error?.message).toMatch(message);
		expect(requestsTo(sandbox(), 'close')).toHaveLength(0);
	});

	it('a long but valid Max Wait and Timeout still let a request through (no timer overflow)', async () => {
		const result = await closeUpdate(group(0).id, { label: 'Bounded' }, { options: { maxWaitSeconds: 3600, timeoutSeconds: 600 } });
		expect(result.error).toBeUndefined();
		expect(group(0).label).toBe('Bounded');
	});
});

describe('integers are decimal digits', () => {
	it.each(['0x1E', '0b11110', ' 3e1 ', '30.0', '1_0', '0o36', 'Infinity'])('inbound ring duration %j is refused, nothing is sent', async (value) => {
		const result = await closeUpdate(group(0).id, { inboundRingDuration: `={{ ${JSON.stringify(value)} }}` });
		expect(result.error?.message).toMatch(/Inbound Ring Duration/);
		expect(requestsTo(sandbox(), 'close')).toHaveLength(0);
	});

	it('" 30 " as text is 30', async () => {
		const result = await closeUpdate(group(0).id, { inboundRingDuration: '={{ " 30 " }}' });
		expect(result.error).toBeUndefined();
		expect(requestsTo(sandbox(), 'close')[0].body).toEqual({ inbound_ring_duration: 30 });
	});
});

describe('text and answers are bounded', () => {
	it('a 1 MB label is refused before any request', async () => {
		const result = await closeUpdate(group(0).id, { label: `={{ "x".repeat(1000000) }}` });
		expect(result.error?.message).toMatch(/Label: is 1,000,000 characters long; at most 10,000 are sent/);
		expect(requestsTo(sandbox(), 'close')).toHaveLength(0);
	});

	it('a 2xx answer too large to output fails clearly and says that the write was applied', async () => {
		const number = group(1);
		sandbox().faults.add({ kind: 'body', provider: 'close', method: 'PUT', raw: JSON.stringify({ id: number.id, blob: 'x'.repeat(40 * 1024 * 1024) }) });
		const result = await closeUpdate(number.id, { label: 'Huge answer' });
		expect(result.error?.message).toMatch(/too large to output/);
		expect(result.error?.description).toMatch(/the change was applied and is not sent again/);
		expect(requestsTo(sandbox(), 'close').filter((r) => r.method === 'PUT')).toHaveLength(1);
	});
});

describe("Close Add mode writes back only a membership list's strings", () => {
	it('objects, numbers and nulls in the answer\'s list are not written back', async () => {
		const number = group(2);
		const users = sandbox().state.close.users.filter((u) => u.organizationIds.includes(ORG_A)).map((u) => u.id);
		const keep = (number.participants as string[])[0] ?? users[0];
		sandbox().faults.add({
			kind: 'body',
			provider: 'close',
			method: 'GET',
			path: `/api/v1/phone_number/${number.id}/`,
			times: 1,
			raw: JSON.stringify({ ...number, participants: [keep, { id: 'user_evil' }, 42, null] }),
		});
		const newcomer = users.find((u) => u !== keep) as string;
		const result = await closeUpdate(number.id, { participants: [newcomer] }, { membershipMode: 'add' });
		expect(result.error).toBeUndefined();
		const put = requestsTo(sandbox(), 'close').find((r) => r.method === 'PUT');
		expect(put?.body).toEqual({ participants: [keep, newcomer] });
	});
});
