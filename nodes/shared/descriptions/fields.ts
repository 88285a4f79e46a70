import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/**
 * Field builders for what every provider's form repeats: dropdowns of the account's own things and
 * fixed choices. n8n's lint cannot read a built field, so the wording it asks for is kept here, in
 * the types ("Name or ID") and in the sentence below; test/conventions checks the built result.
 */

const EXPRESSIONS_LINK = '<a href="https://docs.n8n.io/code/expressions/">expression</a>';

/** n8n's sentence for a dropdown whose value may also be typed as an expression. */
const FROM_LIST_OR_ID = `Choose from the list, or specify an ID using an ${EXPRESSIONS_LINK}.`;
const FROM_LIST_OR_IDS = `Choose from the list, or specify IDs using an ${EXPRESSIONS_LINK}.`;

const shownWhen = (displayOptions?: IDisplayOptions) => (displayOptions ? { displayOptions } : {});

function listedByMethod(
	type: 'options' | 'multiOptions',
	displayName: string,
	name: string,
	loadOptionsMethod: string,
	description: string,
	displayOptions?: IDisplayOptions,
): INodeProperties {
	return {
		displayName,
		name,
		type,
		typeOptions: { loadOptionsMethod },
		default: type === 'options' ? '' : [],
		description,
		...shownWhen(displayOptions),
	};
}

/** One of the account's own things (applications, trunks, users…), listed by a loadOptions method. */
export function accountDropdown(
	displayName: `${string} Name or ID`,
	name: string,
	loadOptionsMethod: string,
	about: string,
	displayOptions?: IDisplayOptions,
): INodeProperties {
	return listedByMethod('options', displayName, name, loadOptionsMethod, `${about}. ${FROM_LIST_OR_ID}`, displayOptions);
}

/** Several of the account's own things, listed by a loadOptions method. */
export function accountMultiDropdown(
	displayName: `${string} Names or IDs`,
	name: string,
	loadOptionsMethod: string,
	about: string,
	displayOptions?: IDisplayOptions,
): INodeProperties {
	return listedByMethod('multiOptions', displayName, name, loadOptionsMethod, `${about}. ${FROM_LIST_OR_IDS}`, displayOptions);
}

/** One option: its name in the list, its value and, where it helps, what it means. */
export type Choice = readonly [name: string, value: string, description?: string];

/** A fixed list of options, in the order given. */
export function choiceField(
	displayName: string,
	name: string,
	choices: readonly Choice[],
	defaultValue: string,
	description?: string,
	displayOptions?: IDisplayOptions,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'options',
		options: choices.map(([optionName, value, about]) => (about ? { name: optionName, value, description: about } : { name: optionName, value })),
		default: defaultValue,
		...(description ? { description } : {}),
		...shownWhen(displayOptions),
	};
}

/** How a webhook is called back (LaML and TwiML take either; both default to POST). */
export function httpMethodField(displayName: string, name: string, displayOptions?: IDisplayOptions): INodeProperties {
	return choiceField(displayName, name, [['GET', 'GET'], ['POST', 'POST']], 'POST', undefined, displayOptions);
}

/** Whether a number takes calls as voice or as fax (LaML and TwiML name it alike). */
export const VOICE_OR_FAX: readonly Choice[] = [
	['Voice', 'voice'],
	['Fax', 'fax'],
];

/** A text field, empty by default. */
export function textField(
	displayName: string,
	name: string,
	{ placeholder, description, displayOptions }: { placeholder?: string; description?: string; displayOptions?: IDisplayOptions } = {},
): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		default: '',
		...(placeholder ? { placeholder } : {}),
		...(description ? { description } : {}),
		...shownWhen(displayOptions),
	};
}

/** An on/off setting, off unless `onByDefault`; n8n words its description as a "Whether …" sentence. */
export function booleanField(
	displayName: string,
	name: string,
	description: `Whether ${string}`,
	onByDefault = false,
	displayOptions?: IDisplayOptions,
): INodeProperties {
	// n8n's lint wants `default` on a boolean field written as true or false, not a variable.
	return { displayName, name, type: 'boolean', default: false, ...(onByDefault ? { default: true } : {}), description, ...shownWhen(displayOptions) };
}

/** A whole number between `min` and `max`, with the range in the editor (n8n refuses one outside it). */
export function numberField(displayName: string, name: string, defaultValue: number, [min, max]: [number, number], description: string): INodeProperties {
	return { displayName, name, type: 'number', default: defaultValue, typeOptions: { minValue: min, maxValue: max }, description };
}

/** A write-only secret of the number (a trunk password, a port-out PIN): hidden as it is typed. */
export function passwordField(displayName: string, name: string, description: string): INodeProperties {
	return { displayName, name, type: 'string', typeOptions: { password: true }, default: '', description };
}
