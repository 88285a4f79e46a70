import { phoneNumberLocator as locator, type PhoneNumberIdShape } from '../../shared/descriptions/phoneNumberResource';

/** Digits only: 19 in every example Telnyx shows, the length is not documented (so not checked). */
export const TELNYX_PHONE_NUMBER_ID: PhoneNumberIdShape = {
	provider: 'Telnyx',
	pattern: /^\d{1,40}$/,
	placeholder: 'e.g. 1293384261075731499',
	shape: 'digits only, e.g. 1293384261075731499',
};

export const phoneNumberLocator = locator(TELNYX_PHONE_NUMBER_ID);
