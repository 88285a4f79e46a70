import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { phoneNumberLocator } from '../../descriptions/phoneNumberLocator';
import { numberPaths, numberWithSettings, readRecord, resolveNumberId, type TelnyxConnection } from '../../transport';

export const description: INodeProperties[] = [
	{ ...phoneNumberLocator, displayOptions: { show: { resource: ['phoneNumber'], operation: ['get'] } } },
];

/** The number with its voice and messaging settings: what an update outputs too. */
export async function execute(this: IExecuteFunctions, itemIndex: number, connection: TelnyxConnection): Promise<IDataObject> {
	const id = await resolveNumberId(this, connection, itemIndex);
	const paths = numberPaths(this, id, itemIndex);
	const resource = `phone number ${id}`;
	const number = await readRecord(connection, paths.number, itemIndex, resource);
	const voice = await readRecord(connection, paths.voice, itemIndex, resource);
	const messaging = await readRecord(connection, paths.messaging, itemIndex, resource);
	return numberWithSettings(number, voice, messaging);
}
