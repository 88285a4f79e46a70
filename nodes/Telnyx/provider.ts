import type { Connection, PhoneNumberProvider } from '../shared/execution/provider';
import { phoneNumberLocator } from './descriptions/phoneNumberLocator';
import { locateNumber, pageSized, telnyxClient, telnyxPaging } from './transport';

/** Telnyx's facts: the shared router, Get Many and trigger are built from them (Get and Update span its three settings endpoints). */
export const telnyx: PhoneNumberProvider<Connection> = {
	displayName: 'Telnyx',
	connect: telnyxClient,
	locator: phoneNumberLocator,
	locate: locateNumber,
	// Voice settings are not in the list: an update run reads each number alone.
	list: {
		path: '/phone_numbers',
		style: telnyxPaging,
		sized: pageSized,
		entriesAreWhole: false,
		idOf: (number) => String(number.id),
		e164Of: (number) => String(number.phone_number ?? ''),
	},
};
