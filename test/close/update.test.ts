import { CLOSE_KEYS } from '../../sandbox';
import { closeCredentials, requestsTo, useSandbox } from '../harness/sandbox';
import { runNode } from '../harness/runNode';

const sandbox = useSandbox();

function groupNumber() {
	return sandbox().state.close.phoneNumbers.find((n) => n.is_group_number && n.organization_id === 'orga_AcmeSales000000000000001')!;
}

function update(id: string, updateFields: Record<string, unknown>, extra: Record<string, unknown> = {}) {
	return runNode({
		node: 'close',
		parameters: {
			resource: 'phoneNumber',
			operation: 'update',
			phoneNumberId: { __rl: true, mode: 'id', value: id },
			updateFields,
			...extra,
		},
		credentials: closeCredentials(sandbox()),
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
		expect(result.json).toHaveLength(1);
		expect(result.json[0]).toMatchObject({ id: number.id, label: 'Night line', inbound_ring_duration: 45 });
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(number.label).toBe('Night line');
	});
});
