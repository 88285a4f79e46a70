import { NodeOperationError, type INode } from 'n8n-workflow';

const FORBIDDEN = /[/?#%\\]|\.\./;

function hasControlCharacter(text: string): boolean {
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code < 0x20 || code === 0x7f) return true;
	}
	return false;
}

/**
 * Builds a path from literal parts and ID segments. Each ID must be one path segment: anything
 * that could climb out of it or start a query (`/ ? # % \`, `..`, control characters) is refused
 * rather than encoded, so no input can reach another endpoint; the rest is percent-encoded.
 */
export function pathSegment(node: INode, value: unknown, fieldName: string, itemIndex?: number): string {
	if (typeof value !== 'string' && typeof value !== 'number') {
		throw new NodeOperationError(node, `${fieldName} must be text, not ${describeType(value)}`, {
			itemIndex,
		});
	}
	const text = String(value).trim();
	if (text === '') {
		throw new NodeOperationError(node, `${fieldName} is empty`, { itemIndex });
	}
	if (text.length > 200 || FORBIDDEN.test(text) || hasControlCharacter(text) || text === '.') {
		throw new NodeOperationError(
			node,
			`${fieldName} is not a valid ID: it must be a single path segment without / ? # % \\ or ..`,
			{ itemIndex },
		);
	}
	return encodeURIComponent(text);
}

export function describeType(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'an object';
	return `a ${typeof value}`;
}
