import { NodeOperationError, type INode } from 'n8n-workflow';

/**
 * A loopback origin: http(s)://127.x.x.x, localhost or [::1], with an optional port, nothing else
 * (no path, no user info). The credential's hidden `baseUrl` may only be that: a test sandbox runs
 * on the same machine, and nobody who can edit a credential without reading its secret can point
 * it at a server of their own.
 */
export const LOOPBACK_ORIGIN = /^https?:\/\/(?:localhost|127(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}|\[::1\])(?::\d{1,5})?$/i;

/**
 * The credential's hidden `baseUrl`: empty means the provider's real API; set (only by importing
 * credential data, as the sandbox and tests do) it must be a loopback origin, which replaces
 * scheme, host and port. Returns undefined when empty.
 */
export function originOverride(node: INode, value: unknown): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const text = String(value).trim().replace(/\/+$/, '');
	if (!LOOPBACK_ORIGIN.test(text)) {
		throw new NodeOperationError(
			node,
			"The credential's Base URL must be a loopback origin such as http://127.0.0.1:4010 (a local test sandbox); it is ignored only when empty",
			{ description: "Clear the credential's Base URL to use the provider's real API." },
		);
	}
	return new URL(text).origin;
}

/** Where a credential test goes when `baseUrl` is set but not loopback: nowhere (.invalid never resolves). */
export const REFUSED_BASE_URL = 'https://base-url-must-be-a-loopback-origin.invalid';

/**
 * The credential test's `baseURL` expression, with the same rule as `originOverride`: the
 * provider's API (`realApi`, an expression such as `"https://api.close.com"`) when `baseUrl` is
 * empty, `baseUrl` + `path` when it is a loopback origin, else an unresolvable host, so that the
 * test refuses exactly what the nodes refuse and never sends the secret elsewhere.
 */
export function credentialTestBaseUrl(realApi: string, path = ''): string {
	const given = 'String($credentials.baseUrl || "").trim().replace(/\\/+$/, "")';
	return `={{ !$credentials.baseUrl ? ${realApi} : /${LOOPBACK_ORIGIN.source}/i.test(${given}) ? ${given} + ${JSON.stringify(path)} : ${JSON.stringify(REFUSED_BASE_URL)} }}`;
}
