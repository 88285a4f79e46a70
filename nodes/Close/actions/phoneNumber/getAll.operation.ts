import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getAllDescription, readGetAll } from '../../../shared/descriptions/common';
import { accountDropdown, choiceField, textField } from '../../../shared/descriptions/fields';
import type { ApiClient } from '../../../shared/transport/client';
import { listAll } from '../../../shared/transport/pagination';
import { closePaging, PHONE_NUMBER_LIST } from '../../transport/phoneNumbers';

export const PHONE_NUMBER_TYPES = ['internal', 'external', 'virtual'] as const;

export const description: INodeProperties[] = getAllDescription([
	textField('Exact Number', 'number', { placeholder: 'e.g. +16503334444', description: 'Only the number that is exactly this one, in E.164 format (Close matches whole numbers)' }),
	accountDropdown('Participant Name or ID', 'participantUserId', 'getUsers', 'Only numbers this user takes part in'),
	choiceField(
		'Type',
		'type',
		[
			['External', 'external', 'Your own number, used as caller ID'],
			['Internal', 'internal', 'Rented from Close'],
			['Virtual', 'virtual', 'Your own number, routed to Close (BYOC)'],
		],
		'internal',
	),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number, client: ApiClient): Promise<IDataObject[]> {
	const { check, limit, filters } = readGetAll(this, itemIndex);
	const qs: IDataObject = {};
	if (filters.number) qs.number = check.e164('Exact Number', filters.number);
	if (filters.participantUserId) qs.participant_user_id = check.string('Participant Name or ID', filters.participantUserId);
	const type = filters.type ? check.oneOf('Type', filters.type, PHONE_NUMBER_TYPES) : undefined;
	return await listAll(client, closePaging, { path: PHONE_NUMBER_LIST, qs, itemIndex }, {
		limit,
		// The list endpoint has no type filter: it is applied here, page by page.
		keep: type ? (number) => number.type === type : undefined,
	});
}
