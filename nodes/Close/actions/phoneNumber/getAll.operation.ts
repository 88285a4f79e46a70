import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getAllDescription, readGetAll } from '../../../shared/descriptions/common';
import type { ApiClient } from '../../../shared/transport/client';
import { listPhoneNumbers } from '../../transport/phoneNumbers';

export const PHONE_NUMBER_TYPES = ['internal', 'external', 'virtual'] as const;

export const description: INodeProperties[] = getAllDescription([
	{
		displayName: 'Number',
		name: 'number',
		type: 'string',
		default: '',
		placeholder: '+16503334444',
		description: 'Only the phone number with this number (E.164)',
	},
	{
		displayName: 'Participant Name or ID',
		name: 'participantUserId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getUsers' },
		default: '',
		description:
			'Only numbers this user takes part in. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		default: 'internal',
		options: [
			{ name: 'External', value: 'external', description: 'Your own number, used as caller ID' },
			{ name: 'Internal', value: 'internal', description: 'Rented from Close' },
			{ name: 'Virtual', value: 'virtual', description: 'Your own number, routed to Close (BYOC)' },
		],
	},
]);

export async function execute(this: IExecuteFunctions, itemIndex: number, client: ApiClient): Promise<IDataObject[]> {
	const { check, limit, filters } = readGetAll(this, itemIndex);
	const qs: IDataObject = {};
	if (filters.number) qs.number = check.e164('Number', filters.number);
	if (filters.participantUserId) qs.participant_user_id = check.string('Participant Name or ID', filters.participantUserId);
	const type = filters.type ? check.oneOf('Type', filters.type, PHONE_NUMBER_TYPES) : undefined;
	return await listPhoneNumbers(client, {
		qs,
		limit,
		itemIndex,
		// The list endpoint has no type filter: it is applied here, page by page.
		keep: type ? (number) => number.type === type : undefined,
	});
}
