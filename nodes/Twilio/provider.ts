import { pageSizeFirst, type PhoneNumberProvider } from '../shared/execution/provider';
import { phoneNumberLocator } from './descriptions/phoneNumberLocator';
import { locateNumber, MAX_PAGE_SIZE, NUMBER_LIST, twilioClient, type TwilioConnection } from './transport';

/** Twilio's facts: the shared router, Get, Get Many, Update and trigger are built from them. */
export const twilio: PhoneNumberProvider<TwilioConnection> = {
	displayName: 'Twilio',
	connect: twilioClient,
	locator: phoneNumberLocator,
	locate: locateNumber,
	// The list answers whole numbers: Dry Run and Skip Unchanged runs read them by the page.
	list: {
		path: NUMBER_LIST.path,
		style: NUMBER_LIST.paging,
		sized: pageSizeFirst('PageSize', MAX_PAGE_SIZE),
		entriesAreWhole: true,
		idOf: (number) => String(number.sid),
		e164Of: (number) => String(number.phone_number ?? ''),
	},
};
