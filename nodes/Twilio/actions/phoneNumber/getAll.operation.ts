import { choiceField, textField } from '../../../shared/descriptions/fields';
import { getAllOperation } from '../../../shared/execution/operations';
import { withoutSeparators } from '../../../shared/validation';
import { twilio } from '../../provider';

export const { description, execute } = getAllOperation(twilio, {
	properties: [
		textField('Friendly Name', 'friendlyName', { description: 'Only numbers with exactly this friendly name' }),
		choiceField(
			'Origin',
			'origin',
			[
				['Twilio', 'twilio'],
				['Hosted', 'hosted'],
			],
			'twilio',
			'Numbers bought from Twilio, or hosted on Twilio from another carrier',
		),
		textField('Number Contains', 'phoneNumber', { placeholder: 'e.g. +1415555', description: 'Only numbers that contain these digits; * stands for any one digit' }),
	],
	query(filters, check) {
		const qs: Record<string, string> = {};
		if (filters.phoneNumber) qs.PhoneNumber = withoutSeparators(check.string('Number Contains', filters.phoneNumber));
		if (filters.friendlyName) qs.FriendlyName = check.string('Friendly Name', filters.friendlyName);
		if (filters.origin) qs.Origin = check.oneOf('Origin', filters.origin, ['twilio', 'hosted']);
		return qs;
	},
});
