import { NodeOperationError, type INode } from 'n8n-workflow';

/**
 * A loopback origin: http(s)://127.x.x.x, localhost or [::1], with an optional port, nothing else
 * (no path, no user info). The credential's hidden `baseUrl` may only be that: a test sandbox runs
 * on the same machine, and nobody who can edit a credential without reading its secret can point
 * it at a server of their own.
 */
export const LOOPBACK_ORIGIN = /^https?:\/\/(?:localhost|127(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}|\[::1\])(?::\d{1,5})?$/i;

export const REFUSED_BASE_URL_MESSAGE =
	"The credential's Base URL must be a loopback origin such as http://127.0.0.1:4010 (a local test sandbox); it is ignored only when empty";

/** Longest Base URL looked at: an origin is short, and nothing long is scanned. */
const MAX_BASE_URL = 200;

/**
 * The rule for the hidden `baseUrl`, in one place for the nodes, the credential tests and Close's
 * OAuth2 URLs: undefined when empty (the provider's real API), the origin when it is a loopback
 * origin (one trailing slash allowed), `false` for anything else.
 */
export function loopbackOrigin(value: unknown): string | undefined | false {
	if (value === undefined || value === null || value === '') return undefined;
	let text = String(value).trim();
	if (text.length > MAX_BASE_URL) return false;
	// One trailing slash, by slicing: a regular expression on /+$/ is quadratic on a run of slashes.
	if (text.endsWith('/')) text = text.slice(0, -1);
	return LOOPBACK_ORIGIN.test(text) ? new URL(text).origin : false;
}

/**
 * The credential's hidden `baseUrl` for a node: empty means the provider's real API; set (only by
 * importing credential data, as the sandbox and tests do) it must be a loopback origin, which
 * replaces scheme, host and port. Returns undefined when empty.
 */
export function originOverride(node: INode, value: unknown): string | undefined {
	const origin = loopbackOrigin(value);
	if (origin === false) {
		throw new NodeOperationError(node, REFUSED_BASE_URL_MESSAGE, {
			description: "Clear the credential's Base URL to use the provider's real API.",
		});
	}
	return origin;
}
