import type { IDataObject } from 'n8n-workflow';

import { requestsTo, useSandbox } from '../harness/sandbox';
import { closeCredentials } from '../../sandbox/close/provider';
import { runNode } from '../harness/runNode';

const sandbox = useSandbox();
const ORG_A = 'orga_AcmeSales000000000000001';

function group(index: number) {
	return sandbox().state.close.phoneNumbers.filter((n) => n.is_group_number && n.organization_id === ORG_A)[index];
}
function usersOfA() {
	return sandbox().state.close.users.filter((u) => u.organizationIds.includes(ORG_A)).map((u) => u.id);
}

function update(id: string, membershipMode: string, updateFields: IDataObject) {
	return runNode({
		node: 'close',
		parameters: {
			resource: 'phoneNumber',
			operation: 'update',
			phoneNumber: { __rl: true, mode: 'id', value: id },
			membershipMode,
			updateFields: updateFields as never,
		},
		credentials: closeCredentials(sandbox()),
	});
}

describe('Close: group-number membership', () => {
	it('replace (the default) sends the list as given, without reading first', async () => {
		const number = group(0);
		const users = usersOfA().slice(10, 12);
		const result = await update(number.id, 'replace', { participants: users });
		expect(result.error).toBeUndefined();
		expect(requestsTo(sandbox(), 'close').map((r) => r.method)).toEqual(['PUT']);
		expect(number.participants).toEqual(users);
	});

	it('add reads the number and sends the whole list with the new participant appended', async () => {
		const number = group(1);
		const before = [...(number.participants as string[])];
		const newcomer = usersOfA().find((u) => !before.includes(u))!;
		const result = await update(number.id, 'add', { participants: [newcomer], label: 'With newcomer' });
		expect(result.error).toBeUndefined();
		const sent = requestsTo(sandbox(), 'close');
		expect(sent.map((r) => r.method)).toEqual(['GET', 'PUT']);
		expect(sent[1].body).toEqual({ participants: [...before, newcomer], label: 'With newcomer' });
		expect(number.participants).toEqual([...before, newcomer]);
		expect(result.json[0].participants).toEqual([...before, newcomer]);
	});

	it('add of someone already there changes nothing and writes nothing', async () => {
		const number = group(2);
		const before = [...(number.participants as string[])];
		const result = await update(number.id, 'add', { participants: [before[0]] });
		expect(result.error).toBeUndefined();
		expect(requestsTo(sandbox(), 'close').map((r) => r.method)).toEqual(['GET']);
		expect(result.json[0]).toMatchObject({ id: number.id, participants: before });
		expect(number.participants).toEqual(before);
	});

	it('remove takes one participant out and keeps the others in order', async () => {
		const number = group(3);
		const before = [...(number.participants as string[])];
		const result = await update(number.id, 'remove', { participants: [before[1]] });
		expect(result.error).toBeUndefined();
		const [, put] = requestsTo(sandbox(), 'close');
		expect(put.body).toEqual({ participants: before.filter((u) => u !== before[1]) });
		expect(number.participants).toEqual(before.filter((u) => u !== before[1]));
	});

	it('remove of someone absent changes nothing and writes nothing, other fields still apply', async () => {
		const number = group(4);
		const before = [...(number.participants as string[])];
		const absent = usersOfA().find((u) => !before.includes(u))!;
		const quiet = await update(number.id, 'remove', { participants: [absent] });
		expect(quiet.error).toBeUndefined();
		expect(requestsTo(sandbox(), 'close').map((r) => r.method)).toEqual(['GET']);

		sandbox().clearRequests();
		const labelled = await update(number.id, 'remove', { participants: [absent], label: 'Relabelled' });
		expect(labelled.error).toBeUndefined();
		expect(requestsTo(sandbox(), 'close')[1].body).toEqual({ label: 'Relabelled' });
		expect(number.participants).toEqual(before);
	});

	it('adds and removes external phone numbers the same way', async () => {
		const number = group(5);
		const before = [...(number.phone_numbers as string[])];
		const added = await update(number.id, 'add', { phoneNumbers: '+16505550100, +16505550101' });
		expect(added.error).toBeUndefined();
		expect(number.phone_numbers).toEqual([...before, '+16505550100', '+16505550101']);

		const removed = await update(number.id, 'remove', { phoneNumbers: ['+16505550100'] });
		expect(removed.error).toBeUndefined();
		expect(number.phone_numbers).toEqual([...before, '+16505550101']);
	});

	it('refuses an unknown mode from an expression before any request', async () => {
		const result = await update(group(6).id, '={{ "merge" }}', { participants: [usersOfA()[0]] });
		expect(result.error?.message).toContain('Membership Changes');
		expect(requestsTo(sandbox(), 'close')).toHaveLength(0);
	});
});
