import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { phoneNumberLocator } from '../../descriptions/phoneNumberLocator';
import { numberPath, requireWorkspace, type SynthflowConnection } from '../../transport';
import { unwrapNumber } from '../../transport/phoneNumbers';

export const description: INodeProperties[] = [
	{
		displayName:
			"Get and Get Many need the credential's Workspace ID (Synthflow → Settings → Workspace): Synthflow's API cannot look it up. Update works without it.",
		name: 'workspaceNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: ['phoneNumber'], operation: ['get', 'getAll'] } },
	},
	{ ...phoneNumberLocator, displayOptions: { show: { resource: ['phoneNumber'], operation: ['get'] } } },
];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	connection: SynthflowConnection,
): Promise<IDataObject> {
	const { slug, path } = await numberPath(this, itemIndex);
	const workspace = requireWorkspace(this.getNode(), connection, itemIndex);
	const answer = await connection.client.requestObject<IDataObject>({
		method: 'GET',
		path,
		qs: { workspace },
		itemIndex,
		resource: `phone number +${slug}`,
	});
	return unwrapNumber(answer);
}
