import { phoneNumberLocator as locator, type PhoneNumberIdShape } from '../../shared/descriptions/phoneNumberResource';

export const UUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

export const SIGNALWIRE_PHONE_NUMBER_ID: PhoneNumberIdShape = {
	provider: 'SignalWire',
	pattern: new RegExp(UUID_PATTERN),
	placeholder: 'e.g. 9f1c2d3e-4b5a-4978-8a9b-0c1d2e3f4a5b',
	shape: 'a UUID',
};

export const phoneNumberLocator = locator(SIGNALWIRE_PHONE_NUMBER_ID);
