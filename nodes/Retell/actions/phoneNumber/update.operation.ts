import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pick, updateFields } from '../../../shared/execution/parameters';
import type { ItemRun } from '../../../shared/execution/runItems';
import { readUpdateOptions, runSingleWriteUpdate } from '../../../shared/execution/updateOptions';
import type { ApiClient } from '../../../shared/transport/client';
import { InputValidator } from '../../../shared/validation';
import { phoneNumberLocator } from '../../descriptions/phoneNumberLocator';
import { compareRetell, retellUpdateBody, updateFieldsProperty } from '../../descriptions/updateFields';
import { numberPaths } from '../../transport';

const show = { resource: ['phoneNumber'], operation: ['update'] };

export const description: INodeProperties[] = [
	{ ...phoneNumberLocator, displayOptions: { show } },
	{ ...updateFieldsProperty, displayOptions: { show } },
];

export async function execute(this: IExecuteFunctions, itemIndex: number, client: ApiClient, run: ItemRun): Promise<IDataObject> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const fields = updateFields(this, itemIndex);
	const keys = Object.keys(fields);
	const paths = await numberPaths(this, itemIndex);
	const bodyOf = (chosen: string[]) => retellUpdateBody(pick(fields, chosen), paths.number, check);
	bodyOf(keys);
	const options = readUpdateOptions(this, itemIndex);
	const password = typeof fields.authPassword === 'string' && fields.authPassword !== '' ? [fields.authPassword] : [];
	// Retell answers the PATCH with the number as it now is.
	return await runSingleWriteUpdate(
		{
			client,
			itemIndex,
			method: 'PATCH',
			path: paths.update,
			readPath: paths.get,
			resource: `phone number ${paths.number}`,
			keys,
			bodyOf,
			compare: (number) => compareRetell(keys, bodyOf(keys), number),
			writeOnly: { values: password, api: ['auth_password'] },
			target: { run, id: paths.number },
		},
		options,
	);
}
