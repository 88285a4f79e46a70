import { phoneNumberLocator as locator } from '../../shared/descriptions/phoneNumberResource';

export const UUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

export const phoneNumberLocator = locator('phoneNumberId', 'The SignalWire phone number to act on', {
	displayName: 'By ID',
	placeholder: 'e.g. 9f1c2d3e-4b5a-4978-8a9b-0c1d2e3f4a5b',
	regex: UUID_PATTERN,
	errorMessage: 'Not a SignalWire phone number ID: it is a UUID',
});
