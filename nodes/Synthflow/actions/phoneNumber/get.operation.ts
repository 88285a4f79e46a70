import type { IDataObject } from 'n8n-workflow';

import { getOperation } from '../../../shared/execution/operations';
import { synthflow } from '../../provider';
import { requireWorkspace } from '../../transport';
import { unwrapNumber } from '../../transport/phoneNumbers';

export const { description, execute } = getOperation(synthflow, {
	properties: [
		{
			displayName:
				"Get and Get Many need the credential's Workspace ID (Synthflow → Settings → Workspace): Synthflow's API cannot look it up. Update works without it.",
			name: 'workspaceNotice',
			type: 'notice',
			default: '',
			// Shown for Get Many too: n8n's updateDisplayOptions keeps both operations.
			displayOptions: { show: { resource: ['phoneNumber'], operation: ['get', 'getAll'] } },
		},
	],
	async read(connection, { path, resource }, itemIndex) {
		const workspace = requireWorkspace(this.getNode(), connection, itemIndex);
		return unwrapNumber(await connection.client.requestObject<IDataObject>({ method: 'GET', path, qs: { workspace }, itemIndex, resource }));
	},
});
