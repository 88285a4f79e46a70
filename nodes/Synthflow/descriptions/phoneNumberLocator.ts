import { phoneNumberLocator as locator, type PhoneNumberIdShape } from '../../shared/descriptions/phoneNumberResource';

/** Synthflow's ID is the slug: the E.164 number without its `+`. */
export const SYNTHFLOW_PHONE_NUMBER_ID: PhoneNumberIdShape = {
	provider: 'Synthflow',
	pattern: /^[1-9]\d{6,14}$/,
	placeholder: 'e.g. 33782990580',
	shape: 'the number without + and without separators, e.g. 33782990580',
};

export const phoneNumberLocator = locator(SYNTHFLOW_PHONE_NUMBER_ID);
