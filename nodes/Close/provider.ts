import { sizedByStyle, type Connection, type PhoneNumberProvider } from '../shared/execution/provider';
import { phoneNumberLocator } from './descriptions/phoneNumberLocator';
import { closeApiClient, locateNumber } from './transport';
import { closePaging, PHONE_NUMBER_LIST } from './transport/phoneNumbers';

/** Close's facts: the shared router, Get, Get Many and trigger are built from them (Update is Close's own: membership modes). */
export const close: PhoneNumberProvider<Connection> = {
	displayName: 'Close',
	connect: async (ctx, policy) => ({ client: await closeApiClient(ctx, policy) }),
	locator: phoneNumberLocator,
	locate: locateNumber,
	// The list answers whole numbers: Dry Run and Skip Unchanged runs read them by the page.
	list: { path: PHONE_NUMBER_LIST, style: closePaging, sized: sizedByStyle, entriesAreWhole: true, idOf: (number) => String(number.id), e164Of: (number) => String(number.number ?? '') },
};
