import { NodeOperationError, type INode } from 'n8n-workflow';

import { describeType } from '../transport/paths';

/**
 * A phone number typed with the usual separators (spaces, parentheses, dots, dashes) as digits and
 * `+` only: for lists, searches and comparisons, never for an ID (an ID is used as typed).
 */
export function withoutSeparators(text: string): string {
	return text.replace(/[\s().-]/g, '');
}

/** `+1 (312) 555-0100` → `13125550100`: digits only, for lists and searches that match digits. */
export function phoneDigits(text: string): string {
	return withoutSeparators(text).replace(/\+/g, '');
}

/** Longest text a field sends. */
export const MAX_TEXT = 10_000;

/**
 * Checks of user input, made before any request (contract rule 2). Each names the field by its
 * display name and carries the item index.
 */
export class InputValidator {
	constructor(
		private readonly node: INode,
		private readonly itemIndex: number,
	) {}

	fail(field: string, problem: string, description?: string): never {
		throw new NodeOperationError(this.node, `${field}: ${problem}`, {
			itemIndex: this.itemIndex,
			description,
		});
	}

	string(field: string, value: unknown): string {
		if (typeof value === 'string') {
			// No field of a phone number takes pages of text: a megabyte label is a mistake, not a label.
			if (value.length > MAX_TEXT) this.fail(field, `is ${value.length.toLocaleString('en-US')} characters long; at most ${MAX_TEXT.toLocaleString('en-US')} are sent`);
			return value;
		}
		if (typeof value === 'number' && Number.isFinite(value)) return String(value);
		return this.fail(field, `expected text, got ${describeType(value)}`);
	}

	/**
	 * An ID or number that may come from an expression as a JSON number: only a whole number is
	 * taken (3378299058.05 would otherwise lose its dot and name another record).
	 */
	identifier(field: string, value: unknown): string {
		if (typeof value === 'number' && !Number.isSafeInteger(value)) {
			this.fail(field, `${value} is not a whole number: give the ID or number as text`);
		}
		return this.string(field, value);
	}

	boolean(field: string, value: unknown): boolean {
		if (typeof value === 'boolean') return value;
		if (value === 'true' || value === 'false') return value === 'true';
		return this.fail(field, `expected true or false, got ${describeType(value)}`);
	}

	integer(field: string, value: unknown, min: number, max: number): number {
		// Decimal digits only: Number() would also read "0x1E", "0b11110" and " 3e1 " as 30.
		const number = typeof value === 'string' && /^\s*-?\d{1,15}\s*$/.test(value) ? Number(value) : value;
		if (typeof number !== 'number' || !Number.isInteger(number)) {
			return this.fail(field, `expected a whole number from ${min} to ${max}, got ${show(value)}`);
		}
		if (number < min || number > max) {
			return this.fail(field, `must be from ${min} to ${max}, got ${number}`);
		}
		return number;
	}

	e164(field: string, value: unknown): string {
		const text = this.string(field, value).trim();
		if (!/^\+[1-9]\d{6,14}$/.test(text)) {
			this.fail(
				field,
				`"${truncate(text)}" is not a phone number in E.164 format`,
				'Use + then the country code and number, digits only, e.g. +16503334444',
			);
		}
		return text;
	}

	url(field: string, value: unknown, protocols: Array<'http:' | 'https:'> = ['http:', 'https:']): string {
		const text = this.string(field, value).trim();
		let parsed: URL | undefined;
		try {
			parsed = new URL(text);
		} catch {
			parsed = undefined;
		}
		if (!parsed || !protocols.includes(parsed.protocol as 'http:' | 'https:') || !parsed.hostname) {
			const wanted = protocols.length === 1 ? `an ${protocols[0].slice(0, -1)}:// URL` : 'an absolute http(s) URL';
			this.fail(field, `"${truncate(text)}" is not ${wanted}`);
		}
		return text;
	}

	uuid(field: string, value: unknown): string {
		const text = this.string(field, value).trim();
		if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text)) {
			this.fail(field, `"${truncate(text)}" is not a UUID (e.g. 9f1c2d3e-4b5a-6978-8a9b-0c1d2e3f4a5b)`);
		}
		return text;
	}

	oneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): T {
		const text = this.string(field, value);
		if (!allowed.includes(text as T)) {
			this.fail(field, `"${truncate(text)}" is not one of ${allowed.join(', ')}`);
		}
		return text as T;
	}

	/** A list given as an array or as comma-separated text (what expressions usually yield). */
	list(field: string, value: unknown): string[] {
		if (Array.isArray(value)) {
			return value.map((entry) => this.string(field, entry).trim()).filter((entry) => entry !== '');
		}
		if (typeof value === 'string') {
			return value
				.split(',')
				.map((entry) => entry.trim())
				.filter((entry) => entry !== '');
		}
		return this.fail(field, `expected a list or comma-separated text, got ${describeType(value)}`);
	}
}

function truncate(text: string): string {
	return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function show(value: unknown): string {
	return typeof value === 'string' ? `"${truncate(value)}"` : describeType(value);
}
