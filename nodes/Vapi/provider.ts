import { pageSizeFirst, type Connection, type PhoneNumberProvider } from '../shared/execution/provider';
import { phoneNumberLocator } from './descriptions/phoneNumberLocator';
import { locateNumber, NUMBER_LIST, numberPaging, VAPI_PAGE_SIZE, vapiClient } from './transport';

/** Vapi's facts: the shared router, Get, Get Many, Update and trigger are built from them. */
export const vapi: PhoneNumberProvider<Connection> = {
	displayName: 'Vapi',
	connect: async (ctx, policy) => ({ client: await vapiClient(ctx, policy) }),
	locator: phoneNumberLocator,
	locate: locateNumber,
	// The list answers whole numbers: Dry Run and Skip Unchanged runs read them by the page.
	list: { path: NUMBER_LIST, style: numberPaging, sized: pageSizeFirst('limit', VAPI_PAGE_SIZE), entriesAreWhole: true, idOf: (number) => String(number.id), e164Of: (number) => String(number.number ?? number.sipUri ?? '') },
};
