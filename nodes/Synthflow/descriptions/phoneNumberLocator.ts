import { phoneNumberLocator as locator } from '../../shared/descriptions/phoneNumberResource';

export const phoneNumberLocator = locator(
	'phoneNumber',
	'The Synthflow phone number to act on. By number: E.164 (+33782990580) or the slug (33782990580).',
	{
		displayName: 'By Number',
		placeholder: 'e.g. +33782990580',
		regex: '^\\+?[1-9]\\d{6,14}$',
		errorMessage: 'Enter the number in E.164 format (+33782990580) or its slug (33782990580)',
	},
);
