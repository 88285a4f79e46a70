import { phoneNumberLocator as locator } from '../../shared/descriptions/phoneNumberResource';

export const phoneNumberLocator = locator('phoneNumberSid', 'The Twilio phone number to act on', {
	displayName: 'By SID or Number',
	placeholder: 'e.g. PN0123456789abcdef0123456789abcdef or +14155550100',
	regex: '^(PN[0-9a-fA-F]{32}|\\+[1-9][0-9]{6,14})$',
	errorMessage: 'A phone number SID (PN + 32 hex digits) or an E.164 number (+14155550100)',
});
