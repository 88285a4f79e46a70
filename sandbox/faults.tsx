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
	| 'latency';

export interface Fault {
	kind: FaultKind;
	provider?: Provider;
	method?: string;
	/** A path prefix, or a regular expression on the path. */
	path?: string | RegExp;
	status?: number;
	body?: unknown;
	headers?: Record<string, string>;
	latencyMs?: number;
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
	take(provider: Provider, method: string, path: string): Fault | undefined {
		for (const fault of this.list) {
			if (fault.times !== undefined && fault.times <= 0) continue;
			if (fault.provider && fault.provider !== provider) continue;
			if (fault.method && fault.method.toUpperCase() !== method) continue;
			if (fault.path !== undefined) {
				const matches = typeof fault.path === 'string' ? path.startsWith(fault.path) : fault.path.test(path);
				if (!matches) continue;
			}
			if (fault.times !== undefined) fault.times--;
			return fault;
		}
		return undefined;
	}
}
