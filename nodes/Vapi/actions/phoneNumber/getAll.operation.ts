import { textField } from '../../../shared/descriptions/fields';
import { getAllOperation } from '../../../shared/execution/operations';
import { vapi } from '../../provider';

export const { description, execute } = getAllOperation(vapi, {
	properties: [textField('Search', 'search', { placeholder: 'e.g. support', description: 'Numbers whose name, number or SIP URI contains this (searched by Vapi, not case-sensitive)' })],
	query(filters, check) {
		if (!filters.search) return {};
		const search = check.string('Search', filters.search).trim();
		if (search.length > 100) check.fail('Search', 'Vapi searches at most 100 characters');
		return { search };
	},
});
