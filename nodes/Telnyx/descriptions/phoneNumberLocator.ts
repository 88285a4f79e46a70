import { phoneNumberLocator as locator } from '../../shared/descriptions/phoneNumberResource';

export const phoneNumberLocator = locator('phoneNumberId', 'The Telnyx phone number to act on', {
	displayName: 'By ID or Number',
	placeholder: 'e.g. 1293384261075731499 or +13125550100',
	regex: '^(\\d{1,25}|\\+[1-9][0-9]{6,14})$',
	errorMessage: "Telnyx's numeric phone number ID (1293384261075731499) or an E.164 number (+13125550100)",
});
