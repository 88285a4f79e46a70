import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pick, updateFields } from '../../../shared/execution/parameters';
import type { ItemRun } from '../../../shared/execution/runItems';
import { readUpdateOptions, runSingleWriteUpdate } from '../../../shared/execution/updateOptions';
import type { ApiClient } from '../../../shared/transport/client';
import { InputValidator } from '../../../shared/validation';
import { phoneNumberLocator } from '../../descriptions/phoneNumberLocator';
import { compareVapi, updateFieldsProperty, vapiTogether, vapiUpdateBody } from '../../descriptions/updateFields';
import { numberPath } from '../../transport';

const show = { resource: ['phoneNumber'], operation: ['update'] };

export const description: INodeProperties[] = [
	{ ...phoneNumberLocator, displayOptions: { show } },
	{ ...updateFieldsProperty, displayOptions: { show } },
];

export async function execute(this: IExecuteFunctions, itemIndex: number, client: ApiClient, run: ItemRun): Promise<IDataObject> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const fields = updateFields(this, itemIndex);
	const keys = Object.keys(fields);
	const bodyOf = (chosen: string[]) => vapiUpdateBody(pick(fields, chosen), check);
	bodyOf(keys);
	const options = readUpdateOptions(this, itemIndex);
	const { id, path } = await numberPath(this, client, itemIndex);
	// Vapi answers the PATCH with the number as it now is.
	return await runSingleWriteUpdate(
		{
			client,
			itemIndex,
			method: 'PATCH',
			path,
			resource: `phone number ${id}`,
			keys,
			bodyOf,
			compare: (number) => compareVapi(keys, bodyOf(keys), number),
			together: (chosen) => vapiTogether(fields, chosen),
			target: { run, id },
		},
		options,
	);
}
