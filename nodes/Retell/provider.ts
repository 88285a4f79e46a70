import { pageSizeFirst, type Connection, type PhoneNumberProvider } from '../shared/execution/provider';
import { phoneNumberLocator } from './descriptions/phoneNumberLocator';
import { locateNumber, NUMBER_LIST, RETELL_PAGE_SIZE, retellClient, retellPaging } from './transport';

/** Retell AI's facts: the shared router, Get, Get Many, Update and trigger are built from them. */
export const retell: PhoneNumberProvider<Connection> = {
	displayName: 'Retell AI',
	connect: async (ctx, policy) => ({ client: await retellClient(ctx, policy) }),
	locator: phoneNumberLocator,
	locate: locateNumber,
	// The list answers whole numbers: Dry Run and Skip Unchanged runs read them by the page.
	list: {
		path: NUMBER_LIST,
		style: retellPaging,
		sized: pageSizeFirst('limit', RETELL_PAGE_SIZE),
		entriesAreWhole: true,
		idOf: (number) => String(number.phone_number),
		e164Of: (number) => String(number.phone_number ?? ''),
	},
};
