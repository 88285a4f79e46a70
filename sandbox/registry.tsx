/**
 * The sandbox's providers, found rather than listed: every folder beside this file with a
 * `provider.tsx` exporting `provider` is one. The server, the CLI, the test harness, `npm start`,
 * the queue-mode scripts and the benchmark ask this registry, so a new provider adds its folder and
 * touches no shared file.
 *
 * A provider folder also widens `SandboxStates` and `ProviderOptions` by declaration merging, so
 * that `sandbox.state.<name>` and its own start options stay typed for tests.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import type { Ctx, Reply } from './http';
import type { RateLimiter, RateModel } from './rateLimit';

/** What each provider folder adds: `{ <name>: <its state> }`. */
export interface SandboxStates {}

/** Start options of the providers' own (`closeRateModel`, `telnyxMaxPageSize`, …), one interface a folder. */
export interface ProviderOptions {}

export interface SandboxOptions extends ProviderOptions {
	/** 0 (default) picks a free port. */
	port?: number;
	/** Added before every answer, in ms. */
	latencyMs?: number;
	/** Requests per second per key, by provider name; 0 = unlimited. Each provider has its own default. */
	rateLimits?: Record<string, number | undefined>;
	/** Sizes of the seeded accounts (`closeNumbers`, `closeUsers`, `twilioNumbers`, …). */
	seed?: Record<string, number | undefined>;
}

/** A credential pointing at the sandbox, as `n8n import:credentials` takes it. */
export interface SandboxCredential {
	id: string;
	name: string;
	/** The n8n credential type (`closePhoneNumbersApi`). */
	type: string;
	/** Its data for a sandbox at `url`; absent for credentials that need a consent step (OAuth2). */
	data?: (url: string) => Record<string, unknown>;
}

/** How a row counts requests: the sandbox's rate-limit models (`setRate`). */
export interface RateSetup {
	model?: RateModel;
	/** `RateLimit` resets in fractions of a second or whole seconds (where the provider sends them). */
	resetStyle?: 'fraction' | 'whole';
	/** false: no rate headers, a bare 429. */
	headers?: boolean;
}

/** A number the benchmark updates: its ID as the node's By ID takes it, and the value now stored. */
export interface BenchNumber {
	id: string;
	stored(): unknown;
}

/**
 * How the benchmark and the queue-mode scripts drive this provider's node (data, not node code:
 * the sandbox never imports the nodes). Absent: the provider has no bench rows.
 */
export interface BenchFacts<State> {
	/** The node's name without the package (`close`), its credential type and the update setting `$json.label`. */
	node: string;
	credentialType: string;
	updateFields: Record<string, unknown>;
	/** The numbers one key may update, in a stable order. */
	numbers(state: State): BenchNumber[];
	/** Requests one update makes (a write and any reads for the output). */
	requestsPerUpdate: number;
	/** The largest page the provider's number list answers (what bulk reads by the page walk). */
	listPageSize?: number;
	/** Sets the per-key limit (and, where the provider can, how it counts); returns what undoes it. */
	setRate(state: State, perSecond: number, setup?: RateSetup): () => void;
	/** Starts every rate window afresh. */
	resetWindows(state: State): void;
	/** Its rows: name, limit and size (from the run's item count and the numbers there are). */
	rows: ReadonlyArray<{ name: string; rate: number; items: (runItems: number, available: number) => number; viaHttpRequest?: boolean }>;
	/** Whether only writes answered other than 429 count towards the floor (a write-only limit). */
	limitsWritesOnly?: boolean;
	/** n8n's HTTP Request node doing the same update by hand (comparison rows). */
	httpRequest?: { method: string; url: (sandboxUrl: string) => string; authorization: string; jsonBody: string };
	/**
	 * The provider whose documented per-key limit (with headers) the rate-model rows, the
	 * shared-budget row and queue mode use. One provider says so.
	 */
	reference?: {
		/** Rate-limit models its sandbox can stand for, beside the default. */
		models: ReadonlyArray<readonly [string, RateSetup]>;
		/** Another client's request on the same key (the shared-budget row). */
		otherClientRequest: { path: string; authorization: string };
	};
	/** Seed sizes and options for large accounts (dropdown timings, 1,000-item rows). */
	seed?: Record<string, number>;
	options?: Partial<SandboxOptions>;
	/**
	 * The trigger row (one provider with large pages): its trigger node, the seed key that sizes its
	 * account, and a change to `count` numbers that the trigger's default watch fields see.
	 */
	trigger?: { node: string; seedKey: string; change(state: State, count: number): void };
	/** Dropdowns to time on a large account, through n8n's REST API. */
	dropdowns?: {
		parameters: Record<string, unknown>;
		list: ReadonlyArray<{ label: string; endpoint: 'resource-locator-results' | 'options'; path: string; methodName: string; filter?: string }>;
	};
}

/** `setRate` and `resetWindows` for a provider with one per-key limiter and no other rate switches. */
export function oneLimiter<State>(limiterOf: (state: State) => RateLimiter): Pick<BenchFacts<State>, 'setRate' | 'resetWindows'> {
	return {
		setRate(state, perSecond) {
			const limiter = limiterOf(state);
			const before = limiter.perSecond;
			limiter.perSecond = perSecond;
			return () => {
				limiter.perSecond = before;
			};
		},
		resetWindows: (state) => limiterOf(state).reset(),
	};
}

export interface SandboxProvider<State = unknown> {
	/** Its name in the request log, in `rateLimits`, in `seed` keys and in faults (`close`). */
	name: string;
	/** How people call it (`Close`, `Retell AI`). */
	title: string;
	/** Whether a request path is its own: the sandbox serves every provider on one host. */
	owns(path: string): boolean;
	/** Asked after every other provider: its paths are a catch-all under a prefix others share. */
	catchAll?: boolean;
	/** The names of its own start options, so that a misspelt option is refused instead of ignored. */
	options: readonly string[];
	/** Its state for one sandbox: the seeded account, limiters and behaviour switches. */
	start(options: SandboxOptions): State;
	handle(ctx: Ctx, state: State): Reply;
	/** The body of its plain error answers (a `status` fault without a body). */
	errorBody(status: number, text: string): unknown;
	/** An error that quotes the request back (`padded` straddles a 300-character cut). */
	echoBody(padded: string, text: string, ctx: Ctx, status: number): unknown;
	/** An error answer with a huge text in it. */
	hugeBody(filler: string, status: number): unknown;
	/** A list page that never ends: each page claims another after it. */
	endlessPage(ctx: Ctx): Reply;
	/** Its credentials pointing at the sandbox (`npm start`, e2e, benchmark, examples). */
	credentials: readonly SandboxCredential[];
	/** What `npm run sandbox` and `npm start` print for pasting into a credential: [label, value]. */
	keys: ReadonlyArray<readonly [string, string]>;
	bench?: BenchFacts<State>;
}

let found: SandboxProvider[] | undefined;

/** Every provider folder's declaration, catch-alls last, otherwise by name. */
export function sandboxProviders(): readonly SandboxProvider[] {
	if (!found) {
		const folders = readdirSync(__dirname, { withFileTypes: true })
			.filter((entry) => entry.isDirectory() && existsSync(join(__dirname, entry.name, 'provider.tsx')))
			.map((entry) => entry.name)
			.sort();
		// A computed require: the folders are found, not named (tsx and ts-jest both load .tsx so).
		found = folders
			.map((folder) => (require(join(__dirname, folder, 'provider')) as { provider: SandboxProvider }).provider)
			.sort((a, b) => Number(a.catchAll ?? false) - Number(b.catchAll ?? false));
	}
	return found;
}

export function sandboxProvider(name: string): SandboxProvider {
	const provider = sandboxProviders().find((p) => p.name === name);
	if (!provider) throw new Error(`No sandbox provider "${name}" (have: ${sandboxProviders().map((p) => p.name).join(', ')})`);
	return provider;
}

/** The provider whose paths `path` is, if any. */
export function providerOf(path: string): SandboxProvider | undefined {
	return sandboxProviders().find((provider) => provider.owns(path));
}

/** The provider the benchmark's rate-model rows and queue mode use (its folder says `bench.reference`). */
export function referenceProvider(): SandboxProvider & { bench: BenchFacts<unknown> & { reference: NonNullable<BenchFacts<unknown>['reference']> } } {
	const found = sandboxProviders().filter((p) => p.bench?.reference);
	if (found.length !== 1) throw new Error(`One sandbox provider should be the benchmark's reference, ${found.length} are`);
	return found[0] as ReturnType<typeof referenceProvider>;
}

/** Every sandbox credential of every provider. */
export function allSandboxCredentials(): SandboxCredential[] {
	return sandboxProviders().flatMap((provider) => provider.credentials);
}
