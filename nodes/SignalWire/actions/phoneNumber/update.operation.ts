import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pick, updateFields } from '../../../shared/execution/parameters';
import type { ItemRun } from '../../../shared/execution/runItems';
import { compareByTable, readUpdateOptions, runSingleWriteUpdate } from '../../../shared/execution/updateOptions';
import type { ApiClient } from '../../../shared/transport/client';
import { InputValidator } from '../../../shared/validation';
import { phoneNumberLocator } from '../../descriptions/phoneNumberLocator';
import { SIGNALWIRE_FIELDS, updateFieldsProperty } from '../../descriptions/updateFields';
import { phoneNumberPath } from '../../transport';
import { handlerTogether, signalWireUpdateBody } from './updateBody';

const show = { resource: ['phoneNumber'], operation: ['update'] };

export const description: INodeProperties[] = [
	{ ...phoneNumberLocator, displayOptions: { show } },
	{ ...updateFieldsProperty, displayOptions: { show } },
];

export async function execute(this: IExecuteFunctions, itemIndex: number, client: ApiClient, run: ItemRun): Promise<IDataObject> {
	const check = new InputValidator(this.getNode(), itemIndex);
	const fields = updateFields(this, itemIndex);
	const keys = Object.keys(fields);
	const bodyOf = (chosen: string[]) => signalWireUpdateBody(pick(fields, chosen), check);
	bodyOf(keys);
	const options = readUpdateOptions(this, itemIndex);
	const { id, path } = await phoneNumberPath(this, client, itemIndex);
	// SignalWire updates with PUT, yet only the fields sent change.
	return await runSingleWriteUpdate(
		{
			client,
			itemIndex,
			method: 'PUT',
			path,
			resource: `phone number ${id}`,
			keys,
			bodyOf,
			compare: (number) => compareByTable(keys, SIGNALWIRE_FIELDS, bodyOf(keys), number),
			together: (chosen) => handlerTogether(fields, chosen),
			target: { run, id },
		},
		options,
	);
}
