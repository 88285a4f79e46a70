import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { locatorValue } from './parameters';

const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * The number a locator names, as the provider's ID, for providers that cannot fetch a number by
 * E.164 (Twilio, Telnyx): an ID as given, or an E.164 number looked up with the provider's list
 * filter, of which exactly one number must match whole; else an error that says how many did.
 */
export async function numberIdFromLocator(
	ctx: IExecuteFunctions,
	itemIndex: number,
	provider: {
		/** The locator parameter, e.g. `phoneNumberSid`. */
		parameter: string;
		isId: RegExp;
		/** "a phone number SID (PN + 32 hex)", for the error. */
		idWords: string;
		/** "its SID (PN…)", for the error's hint. */
		idHint: string;
		/** The numbers the list filter returns for this E.164 number (the filter may match parts). */
		lookUp: (e164: string) => Promise<IDataObject[]>;
		idOf: (number: IDataObject) => string;
	},
): Promise<string> {
	const node = ctx.getNode();
	const value = locatorValue(ctx, provider.parameter, itemIndex, 'Phone Number').replace(/[\s().-]/g, '');
	if (provider.isId.test(value)) return value;
	if (!E164.test(value)) {
		throw new NodeOperationError(node, `Phone Number: "${value.slice(0, 40)}" is neither ${provider.idWords} nor an E.164 number`, { itemIndex });
	}
	const matches = (await provider.lookUp(value)).filter((n) => n.phone_number === value);
	if (matches.length !== 1) {
		throw new NodeOperationError(
			node,
			`Phone Number: ${matches.length === 0 ? 'no number' : `${matches.length} numbers`} of this account match ${value}`,
			{ itemIndex, description: `Choose the number from the list or give ${provider.idHint}.` },
		);
	}
	return provider.idOf(matches[0]);
}
