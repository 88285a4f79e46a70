import { phoneNumberLocator as locator, type PhoneNumberIdShape } from '../../shared/descriptions/phoneNumberResource';

/** Retell's ID is the E.164 number itself (a path segment, `+` encoded). */
export const RETELL_PHONE_NUMBER_ID: PhoneNumberIdShape = {
	provider: 'Retell AI',
	pattern: /^\+[1-9]\d{6,14}$/,
	placeholder: 'e.g. +14157774444',
	shape: 'the number in E.164 format, + and digits only, e.g. +14157774444',
};

export const phoneNumberLocator = locator(RETELL_PHONE_NUMBER_ID);
