import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getAllDescription, readGetAll } from '../../../shared/descriptions/common';
import { choiceField, textField } from '../../../shared/descriptions/fields';
import { listAll } from '../../../shared/transport/pagination';
import { NUMBER_LIST, type TwilioConnection } from '../../transport';
import { withoutSeparators } from '../../../shared/validation';

/** Twilio's largest page. */
export const MAX_PAGE_SIZE = 1000;

export const description: INodeProperties[] = getAllDescription([
	textField('Friendly Name', 'friendlyName', { description: 'Only numbers with exactly this friendly name' }),
	choiceField(
		'Origin',
		'origin',
		[
			['Twilio', 'twilio'],
			['Hosted', 'hosted'],
		],
		'twilio',
		'Numbers bought from Twilio, or hosted on Twilio from another carrier',
	),
	textField('Number Contains', 'phoneNumber', { placeholder: 'e.g. +1415555', description: 'Only numbers that contain these digits; * stands for any one digit' }),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number, connection: TwilioConnection): Promise<IDataObject[]> {
	const { check, limit, filters } = readGetAll(this, itemIndex);
	const qs: IDataObject = { PageSize: Math.min(MAX_PAGE_SIZE, limit ?? MAX_PAGE_SIZE) };
	if (filters.phoneNumber) qs.PhoneNumber = withoutSeparators(check.string('Number Contains', filters.phoneNumber));
	if (filters.friendlyName) qs.FriendlyName = check.string('Friendly Name', filters.friendlyName);
	if (filters.origin) qs.Origin = check.oneOf('Origin', filters.origin, ['twilio', 'hosted']);
	return await listAll(connection.api, NUMBER_LIST.paging, { path: NUMBER_LIST.path, qs, itemIndex }, { limit });
}
