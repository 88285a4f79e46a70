import { getAllOperation } from '../../../shared/execution/operations';
import { withoutSeparators } from '../../../shared/validation';
import { signalWire } from '../../provider';

export const { description, execute } = getAllOperation(signalWire, {
	properties: [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			description: 'Only numbers whose name contains this text',
		},
		{
			displayName: 'Number Contains',
			name: 'number',
			type: 'string',
			default: '',
			placeholder: 'e.g. +1206555',
			description: 'Only numbers that contain these digits',
		},
	],
	query(filters, check) {
		const qs: Record<string, string> = {};
		if (filters.name) qs.filter_name = check.string('Name', filters.name);
		if (filters.number) qs.filter_number = withoutSeparators(check.string('Number Contains', filters.number));
		return qs;
	},
});
