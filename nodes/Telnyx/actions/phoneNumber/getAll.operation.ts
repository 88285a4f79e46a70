import { accountDropdown, textField } from '../../../shared/descriptions/fields';
import { getAllOperation } from '../../../shared/execution/operations';
import { telnyx } from '../../provider';
import { phoneDigits } from '../../../shared/validation';
import { CONNECTION_ID } from '../../transport';

/** What `filter[status]` takes (Telnyx's spec); answers have four more that the filter does not. */
export const NUMBER_STATUSES = [
	'active', 'deleted', 'emergency-only', 'port-failed', 'port-out-pending', 'port-pending', 'ported-out', 'purchase-failed', 'purchase-pending',
] as const;

const title = (status: string) => status.split('-').map((word) => word[0].toUpperCase() + word.slice(1)).join(' ');

export const { description, execute } = getAllOperation(telnyx, {
	properties: [
		accountDropdown('Connection Name or ID', 'connectionId', 'getConnections', 'Only numbers on this connection or application'),
		textField('Number Contains', 'phoneNumber', {
			placeholder: 'e.g. +1312555',
			description: 'Only numbers that contain these digits (at least 3; + and separators are ignored)',
		}),
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: NUMBER_STATUSES.map((status) => ({ name: title(status), value: status })),
			default: 'active',
		},
		textField('Tag', 'tag', { description: 'Only numbers with this tag' }),
	],
	query(filters, check) {
		const qs: Record<string, string> = {};
		if (filters.phoneNumber) {
			const digits = phoneDigits(check.string('Number Contains', filters.phoneNumber));
			// Telnyx matches digits only, at least three; anything else silently matches nothing.
			if (!/^\d{3,15}$/.test(digits)) check.fail('Number Contains', `"${digits.slice(0, 40)}" is not at least 3 digits of a phone number`);
			qs['filter[phone_number]'] = digits;
		}
		if (filters.tag) qs['filter[tag]'] = check.string('Tag', filters.tag).trim();
		if (filters.status) qs['filter[status]'] = check.oneOf('Status', filters.status, NUMBER_STATUSES);
		if (filters.connectionId) {
			const id = check.string('Connection Name or ID', filters.connectionId).trim();
			if (!CONNECTION_ID.test(id)) check.fail('Connection Name or ID', `"${id.slice(0, 40)}" is not a Telnyx connection or application ID`);
			qs['filter[connection_id]'] = id;
		}
		return qs;
	},
});
