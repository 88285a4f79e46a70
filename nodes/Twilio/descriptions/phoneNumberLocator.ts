import { phoneNumberLocator as locator, type PhoneNumberIdShape } from '../../shared/descriptions/phoneNumberResource';

/** twilio-oai: `^PN[0-9a-fA-F]{32}$`. */
export const TWILIO_PHONE_NUMBER_SID: PhoneNumberIdShape = {
	provider: 'Twilio',
	pattern: /^PN[0-9a-fA-F]{32}$/,
	placeholder: 'e.g. PN0123456789abcdef0123456789abcdef',
	shape: 'PN followed by 32 hex digits',
};

export const phoneNumberLocator = locator(TWILIO_PHONE_NUMBER_SID);
