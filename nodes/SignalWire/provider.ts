import { pageSizeFirst, type PhoneNumberProvider } from '../shared/execution/provider';
import { phoneNumberLocator } from './descriptions/phoneNumberLocator';
import { locateNumber, signalWireClient, type SignalWireConnection } from './transport';
import { linkedPaging, RELAY_REST } from './transport/pages';

/** SignalWire's facts: the shared router, Get, Get Many, Update and trigger are built from them. */
export const signalWire: PhoneNumberProvider<SignalWireConnection> = {
	displayName: 'SignalWire',
	connect: signalWireClient,
	locator: phoneNumberLocator,
	locate: locateNumber,
	// The list answers whole numbers: Dry Run and Skip Unchanged runs read them by the page. 1000 is its largest page.
	list: {
		path: `${RELAY_REST}/phone_numbers`,
		style: linkedPaging,
		sized: pageSizeFirst('page_size', 1000),
		entriesAreWhole: true,
		idOf: (number) => String(number.id),
		e164Of: (number) => String(number.number ?? ''),
	},
};
