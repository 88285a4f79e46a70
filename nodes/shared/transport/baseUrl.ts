import { NodeOperationError, type INode } from 'n8n-workflow';

/**
 * The credential's hidden `baseUrl`: empty means the provider's real API; set (only by importing
 * credential data, as the sandbox and tests do) it must be a bare origin, which replaces scheme,
 * host and port. Returns undefined when empty.
 */
export function originOverride(node: INode, value: unknown): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const text = String(value).trim().replace(/\/+$/, '');
	let url: URL | undefined;
	try {
		url = new URL(text);
	} catch {
		url = undefined;
	}
	if (!url || !['http:', 'https:'].includes(url.protocol) || url.origin !== text) {
		throw new NodeOperationError(
			node,
			'The credential\'s Base URL must be an origin such as http://127.0.0.1:4010 (scheme, host and port, no path)',
		);
	}
	return url.origin;
}
