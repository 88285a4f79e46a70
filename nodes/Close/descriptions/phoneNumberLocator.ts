import { phoneNumberLocator as locator } from '../../shared/descriptions/phoneNumberResource';

export const CLOSE_PHONE_NUMBER_ID = /^phon_[A-Za-z0-9]+$/;

export const phoneNumberLocator = locator('phoneNumberId', 'The Close phone number to act on', {
	displayName: 'By ID',
	placeholder: 'e.g. phon_4Nc6bKF3sN2nr8H1mKgE9t',
	regex: CLOSE_PHONE_NUMBER_ID.source,
	errorMessage: 'Not a Close phone number ID: it starts with phon_ followed by letters and digits',
});
