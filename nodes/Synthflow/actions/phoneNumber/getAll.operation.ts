import { getAllOperation } from '../../../shared/execution/operations';
import { synthflow } from '../../provider';
import { requireWorkspace } from '../../transport';

export const { description, execute } = getAllOperation(synthflow, {
	properties: [
		{
			displayName: 'Is Available',
			name: 'isAvailable',
			type: 'boolean',
			default: true,
			description: 'Whether to return only numbers not attached to an agent (on) or only numbers in use (off)',
		},
	],
	// The list is the workspace's: without its ID there is nothing to ask for.
	query(filters, check, connection, itemIndex) {
		const workspace = requireWorkspace(this.getNode(), connection, itemIndex);
		return filters.isAvailable === undefined ? { workspace } : { is_available: check.boolean('Is Available', filters.isAvailable), workspace };
	},
});
