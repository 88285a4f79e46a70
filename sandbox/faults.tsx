import type { Provider } from './http';

export type FaultKind =
	/** Answer with `status` (and optional body/headers) instead of handling the request. */
	| 'status'
	/** Destroy the connection without an answer. */
	| 'reset'
	/** Accept the request and never answer. */
	| 'hang'
	/** Answer 200 with a body that is not JSON. */
	| 'malformed'
	/** Handle the request normally, after `latencyMs`. */
	| 'latency'
	/** Answer `status` (default 302) with a `Location` on another origin (`location`, default: the sandbox as `localhost`, where `/stolen` logs what arrives). */
	| 'redirect'
	/** Answer `status` (default 400) with an error that echoes the Authorization header (raw and decoded) and the request body. */
	| 'echo'
	/** Answer 2xx (`status`, default 200) with `raw` as the body: HTML, `null`, a number, a list, nothing. */
	| 'body'
	/** An error (`status`, default 500) whose body is `bytes` long (default 5 MB). */
	| 'huge'
	/** Handle the request normally but send the answer one byte every `latencyMs` (default 400). */
	| 'trickle'
	/** A list page that always says there is more: an empty page, or a next link to itself. */
	| 'endless';

export interface Fault {
	kind: FaultKind;
	provider?: Provider;
	method?: string;
	/** A path prefix, or a regular expression on the path with its query (`/x?page_token=…`). */
	path?: string | RegExp;
	status?: number;
	body?: unknown;
	headers?: Record<string, string>;
	latencyMs?: number;
	/** `redirect`: the Location header. */
	location?: string;
	/** `body`: the raw answer text. */
	raw?: string;
	/** `huge`: body size. */
	bytes?: number;
	/** How many matching requests it applies to; forever when undefined. */
	times?: number;
}

/** Faults injected per route, for tests of retries and error handling. */
export class Faults {
	private list: Fault[] = [];

	add(fault: Fault): this {
		this.list.push({ ...fault });
		return this;
	}

	clear(): void {
		this.list = [];
	}

	/** The first fault that matches, spending one of its `times`. */
	take(provider: Provider, method: string, path: string, url = path): Fault | undefined {
		for (const fault of this.list) {
			if (fault.times !== undefined && fault.times <= 0) continue;
			if (fault.provider && fault.provider !== provider) continue;
			if (fault.method && fault.method.toUpperCase() !== method) continue;
			if (fault.path !== undefined) {
				const matches = typeof fault.path === 'string' ? path.startsWith(fault.path) : fault.path.test(url);
				if (!matches) continue;
			}
			if (fault.times !== undefined) fault.times--;
			return fault;
		}
		return undefined;
	}
}
