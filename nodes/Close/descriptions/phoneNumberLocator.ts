import { phoneNumberLocator as locator, type PhoneNumberIdShape } from '../../shared/descriptions/phoneNumberResource';

export const CLOSE_PHONE_NUMBER_ID: PhoneNumberIdShape = {
	provider: 'Close',
	pattern: /^phon_[A-Za-z0-9]+$/,
	placeholder: 'e.g. phon_4Nc6bKF3sN2nr8H1mKgE9t',
	shape: 'phon_ followed by letters and digits',
};

export const phoneNumberLocator = locator(CLOSE_PHONE_NUMBER_ID);
