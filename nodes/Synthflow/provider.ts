import { sizedByStyle, type PhoneNumberProvider } from '../shared/execution/provider';
import { phoneNumberLocator } from './descriptions/phoneNumberLocator';
import { locateNumber, synthflowClient, type SynthflowConnection } from './transport';
import { NUMBER_LIST, numberPaging } from './transport/phoneNumbers';

/** Synthflow's facts: the shared router, Get, Get Many and trigger are built from them (Update is Synthflow's own: its answer is a status). */
export const synthflow: PhoneNumberProvider<SynthflowConnection> = {
	displayName: 'Synthflow',
	connect: synthflowClient,
	locator: phoneNumberLocator,
	locate: locateNumber,
	// The list answers `number`, `sid` and `is_available` only: an update run reads each number alone.
	list: {
		path: NUMBER_LIST,
		style: numberPaging,
		sized: sizedByStyle,
		entriesAreWhole: false,
		idOf: (number) => String(number.number ?? '').replace(/^\+/, ''),
		e164Of: (number) => String(number.number ?? ''),
	},
};
