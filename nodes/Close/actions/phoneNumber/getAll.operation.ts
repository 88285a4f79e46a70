import { accountDropdown, choiceField, textField } from '../../../shared/descriptions/fields';
import { getAllOperation } from '../../../shared/execution/operations';
import { close } from '../../provider';

export const PHONE_NUMBER_TYPES = ['internal', 'external', 'virtual'] as const;

export const { description, execute } = getAllOperation(close, {
	properties: [
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
	],
	query(filters, check) {
		const qs: Record<string, string> = {};
		if (filters.number) qs.number = check.e164('Exact Number', filters.number);
		if (filters.participantUserId) qs.participant_user_id = check.string('Participant Name or ID', filters.participantUserId);
		return qs;
	},
	// The list endpoint has no type filter: it is applied here, page by page.
	keep(filters, check) {
		const type = filters.type ? check.oneOf('Type', filters.type, PHONE_NUMBER_TYPES) : undefined;
		return type ? (number) => number.type === type : undefined;
	},
});
