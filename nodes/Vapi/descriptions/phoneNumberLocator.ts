import { phoneNumberLocator as locator, type PhoneNumberIdShape } from '../../shared/descriptions/phoneNumberResource';

export const VAPI_PHONE_NUMBER_ID: PhoneNumberIdShape = {
	provider: 'Vapi',
	pattern: /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
	placeholder: 'e.g. 3b5f4e2a-1c9d-4e8f-9a7b-6c5d4e3f2a1b',
	shape: 'a UUID',
};

export const phoneNumberLocator = locator(VAPI_PHONE_NUMBER_ID);
