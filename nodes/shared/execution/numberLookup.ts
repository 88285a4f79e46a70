import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import type { PhoneNumberIdShape } from '../descriptions/phoneNumberResource';
import { describeType } from '../transport/paths';
import { withoutSeparators } from '../validation';
import { runReads } from './pageReads';

const E164 = /^\+[1-9]\d{6,14}$/;

/** What a provider tells the shared locator: the shape of its IDs and how a number becomes one. */
export interface PhoneNumberLookup extends PhoneNumberIdShape {
	/**
	 * The ID of an E.164 number: derived (Synthflow's slug, Retell's number) or found with the
	 * provider's list filter (see `onlyExactMatch`).
	 */
	idOfNumber: (e164: string) => Promise<string> | string;
}

/**
 * The `phoneNumber` locator's value as the provider's ID (contract, Parameters):
 * - `list` and `id`: the ID exactly as typed, trimmed. **No character is dropped or rewritten**: a
 *   value outside the ID's shape is refused before any request, so a mistyped ID (a dot, a dash, a
 *   sign, a float from an expression) can never name another number.
 * - `number`: an E.164 number; spaces, dashes, dots and parentheses are dropped here and only here,
 *   then the provider turns it into its ID.
 */
export async function phoneNumberIdFromLocator(ctx: IExecuteFunctions, itemIndex: number, lookup: PhoneNumberLookup): Promise<string> {
	const node = ctx.getNode();
	const fail = (message: string, description?: string): never => {
		throw new NodeOperationError(node, `Phone Number: ${message}`, { itemIndex, description });
	};
	const raw = ctx.getNodeParameter('phoneNumber', itemIndex, undefined, { extractValue: false }) as unknown;
	// A locator is {__rl, mode, value}; a bare value (a whole-parameter expression) is taken as an ID.
	const isLocator = typeof raw === 'object' && raw !== null && !Array.isArray(raw) && 'value' in raw;
	const mode = isLocator ? String((raw as IDataObject).mode ?? 'id') : 'id';
	const value = isLocator ? (raw as IDataObject).value : raw;
	if (typeof value === 'number' && !Number.isSafeInteger(value)) {
		// 1293384261075731002.5 or 1.2e21 would lose digits as text: never guess which ID was meant.
		fail(`${String(value)} is not a whole number that can be read exactly: give the ID as text`);
	}
	if (typeof value !== 'string' && typeof value !== 'number') fail(`expected text, got ${describeType(value)}`);
	const text = String(value).trim();
	if (text === '') fail('choose one from the list, or enter its ID or number');
	const shown = JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);

	if (mode === 'number') {
		const e164 = withoutSeparators(text);
		if (!E164.test(e164)) {
			fail(`${shown} is not a phone number in E.164 format`, 'Use + then the country code and number, e.g. +14155550100. Spaces, dashes, dots and parentheses may separate the digits.');
		}
		// A bulk run that read the list's pages already knows it. One account never holds one E.164
		// number twice; were it listed twice anyway, the provider's own lookup decides.
		return (await runReads(ctx).idOfNumber(e164)) ?? (await lookup.idOfNumber(e164));
	}
	if (mode !== 'id' && mode !== 'list') fail(`unknown mode "${mode.slice(0, 20)}": choose From List, By ID or By Number`);
	if (!lookup.pattern.test(text)) {
		fail(
			`${shown} is not a ${lookup.provider} phone number ID (${lookup.shape})`,
			'The ID is sent exactly as given, so it is refused rather than corrected. To name the number by its phone number, choose By Number.',
		);
	}
	return text;
}

/**
 * Of the numbers a list filter returned (the filter may match parts of numbers), the one whose
 * E.164 number is `e164`: exactly one, else an error that says how many matched.
 */
export function onlyExactMatch(
	ctx: IExecuteFunctions,
	itemIndex: number,
	e164: string,
	numbers: IDataObject[],
	numberOf: (number: IDataObject) => unknown,
	idOf: (number: IDataObject) => string,
): string {
	const matches = numbers.filter((n) => numberOf(n) === e164);
	if (matches.length !== 1) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Phone Number: ${matches.length === 0 ? 'no number' : `${matches.length} numbers`} of this account match ${e164}`,
			{ itemIndex, description: 'Choose the number from the list, or give its ID (By ID).' },
		);
	}
	return idOf(matches[0]);
}
