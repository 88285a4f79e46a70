import type { IDataObject } from 'n8n-workflow';

/** Longest provider text copied into an error message or description. */
export const MAX_PROVIDER_TEXT = 300;

/** Any run of this many characters of a secret counts as the secret (a provider may echo part of a key). */
export const SECRET_RUN = 8;

/** Deeper than this, an answer's content is left out: no number has it, and n8n's own copies recurse. */
export const MAX_ANSWER_DEPTH = 64;

const MASK = '****';

/** The most an answer may hold (values, and characters of text) to be output: a number is a few KB, a page a few hundred KB. */
export const MAX_ANSWER_VALUES = 2_000_000;
export const MAX_ANSWER_TEXT = 32 * 1024 * 1024;

/** An answer larger than an output may be: the caller says whether the write was applied. */
export class AnswerTooLargeError extends Error {}

/** Provider text scanned for a bounded message. */
const MAX_SCANNED_TEXT = 65_536;

/**
 * Field names that say their value is a secret, compared lowercased without `_`/`-`: `password`,
 * `auth_password`, `sip_password`, `twilioAuthToken`, `twilioApiSecret`, `authentication.password`,
 * `api_key`, `client_secret`, `access_token`, … (not `pagination_key`, `page_token`: no secret there).
 */
const SECRET_FIELD = /(password|passwd|passphrase|secret|authtoken|accesstoken|refreshtoken|apikey|privatekey)$/;

/** Field names already judged: every answer of a run repeats the same few dozen. Bounded. */
const judged = new Map<string, boolean>();

export function isSecretField(name: string): boolean {
	const known = judged.get(name);
	if (known !== undefined) return known;
	const secret = SECRET_FIELD.test(name.toLowerCase().replace(/[-_]/g, ''));
	if (judged.size < 4096) judged.set(name, secret);
	return secret;
}

/** Base64 of a UTF-8 string, without `Buffer` (not allowed in node code). */
function base64(text: string): string {
	const bytes = new TextEncoder().encode(text);
	let binary = '';
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return btoa(binary);
}

/**
 * Everything a secret may look like once a provider echoes it (contract rule 7): the raw value, its
 * URL-encoded and JSON-escaped forms, and for HTTP Basic the base64 `user:password` blob n8n sends
 * (`key:` for Close's empty password), whole or in part: any run of `SECRET_RUN` characters of one
 * of these forms is masked. One masker serves a whole node run; write-only fields of a request (a
 * trunk password) and secret-named fields of an answer are added where they occur.
 */
export class SecretMasker {
	/** Every form, longest first. */
	private readonly forms: string[];

	/** Every run of SECRET_RUN characters of a form that long or longer. */
	private readonly runs: Set<string>;

	/** Forms shorter than SECRET_RUN, masked whole only. */
	private readonly shortForms: string[];

	/** The first two characters of every run (as one number): most places in a text start none, and are passed without a slice. */
	private readonly runStarts = new Set<number>();

	constructor(secrets: Array<string | undefined>, basicAuth?: { user: string; password: string }, inherited: string[] = []) {
		const forms = new Set<string>(inherited);
		for (const secret of secrets) {
			// Very short values would mask ordinary words; no real key or token is that short.
			if (!secret || secret.length < 4) continue;
			forms.add(secret);
			forms.add(encodeURIComponent(secret));
			forms.add(JSON.stringify(secret).slice(1, -1));
			forms.add(base64(secret));
			// Hosts and some echoes come lowercased (a key in a redirect's host name).
			forms.add(secret.toLowerCase());
		}
		if (basicAuth?.user || basicAuth?.password) {
			const blob = base64(`${basicAuth.user}:${basicAuth.password}`);
			forms.add(blob);
			forms.add(blob.replace(/=+$/, ''));
		}
		this.forms = [...forms].filter((form) => form.length >= 4).sort((a, b) => b.length - a.length);
		this.runs = new Set();
		for (const form of this.forms) {
			for (let i = 0; i + SECRET_RUN <= form.length; i++) this.runs.add(form.slice(i, i + SECRET_RUN));
		}
		for (const run of this.runs) this.runStarts.add(run.charCodeAt(0) * 65536 + run.charCodeAt(1));
		this.shortForms = this.forms.filter((form) => form.length < SECRET_RUN);
	}

	/** A masker that also hides `extra` (write-only values of one request, secrets named in an answer). */
	with(extra: Array<string | undefined>): SecretMasker {
		return extra.some((value) => value && value.length >= 4) ? new SecretMasker(extra, undefined, this.forms) : this;
	}

	/** A masker that also hides the values of the secret-named fields in `answer` wherever else they show. */
	withSecretsOf(answer: unknown): SecretMasker {
		return this.with(secretFieldValues(answer));
	}

	mask(text: string): string {
		if (this.forms.length === 0 || text.length < 4) return text;
		// Mark every character covered by a run of SECRET_RUN characters of a secret, then mask each
		// marked stretch once: a partial echo (first 12, last 10 characters) is as masked as the whole.
		// Allocated at the first match: most texts hold none.
		let marked: Uint8Array | undefined;
		if (this.runs.size > 0) {
			for (let i = 0; i + SECRET_RUN <= text.length; i++) {
				if (!this.runStarts.has(text.charCodeAt(i) * 65536 + text.charCodeAt(i + 1))) continue;
				if (this.runs.has(text.slice(i, i + SECRET_RUN))) (marked ??= new Uint8Array(text.length)).fill(1, i, i + SECRET_RUN);
			}
		}
		for (const form of this.shortForms) {
			for (let at = text.indexOf(form); at !== -1; at = text.indexOf(form, at + 1)) {
				(marked ??= new Uint8Array(text.length)).fill(1, at, at + form.length);
			}
		}
		if (!marked) return text;
		let out = '';
		for (let i = 0; i < text.length; i++) {
			if (!marked[i]) out += text[i];
			else if (i === 0 || !marked[i - 1]) out += MASK;
		}
		return out;
	}

	/** Masks, then cuts to `max` characters: never the other way round, or a cut secret shows. */
	bounded(text: string, max = MAX_PROVIDER_TEXT): string {
		// Any run of SECRET_RUN characters is masked, so a cut far past what is shown cannot leave a
		// secret's piece that counts: megabytes of provider text are not scanned for a 300-character message.
		const masked = this.mask(text.length > MAX_SCANNED_TEXT ? text.slice(0, MAX_SCANNED_TEXT) : text);
		return masked.length > max ? `${masked.slice(0, max - 1)}…` : masked;
	}

	/**
	 * An answer as it may reach an output: every string and key masked, the values of secret-named
	 * fields replaced (a Get never hands out another system's password), `__proto__` keys dropped (a
	 * provider's JSON must not become an output's prototype), and content deeper than
	 * MAX_ANSWER_DEPTH left out. Iterative, so no answer can exhaust the stack.
	 */
	maskDeep<T>(value: T): T {
		const masker = this.withSecretsOf(value);
		let values = 0;
		let text = 0;
		// What is left to copy: a value, its depth, and where its copy goes. Each object's keys are
		// set in the provider's order when the object is met (its values filled in as they are popped).
		const root: Record<string | number, unknown> = {};
		const stack: Array<[entry: unknown, depth: number, into: Record<string | number, unknown>, key: string | number]> = [[value, 0, root, 0]];
		while (stack.length > 0) {
			const [entry, depth, into, key] = stack.pop() as [unknown, number, Record<string | number, unknown>, string | number];
			if (++values > MAX_ANSWER_VALUES) throw new AnswerTooLargeError(`more than ${MAX_ANSWER_VALUES.toLocaleString('en-US')} values`);
			if (typeof entry === 'string') {
				text += entry.length;
				if (text > MAX_ANSWER_TEXT) throw new AnswerTooLargeError(`more than ${MAX_ANSWER_TEXT / 1024 / 1024} MB of text`);
				into[key] = masker.mask(entry);
			} else if (entry === null || typeof entry !== 'object') {
				into[key] = entry;
			} else if (depth >= MAX_ANSWER_DEPTH) {
				into[key] = `[left out: nested deeper than ${MAX_ANSWER_DEPTH} levels]`;
			} else if (Array.isArray(entry)) {
				const out: unknown[] = new Array(entry.length);
				into[key] = out;
				for (let i = entry.length - 1; i >= 0; i--) stack.push([entry[i], depth + 1, out as unknown as Record<number, unknown>, i]);
			} else {
				const out: IDataObject = {};
				into[key] = out;
				const pending: Array<[unknown, number, IDataObject, string]> = [];
				for (const name of Object.keys(entry)) {
					if (name === '__proto__') continue;
					const item = (entry as IDataObject)[name];
					const safeKey = masker.mask(name);
					if (isSecretField(name) && item !== null && item !== '' && typeof item !== 'object' && typeof item !== 'boolean') {
						out[safeKey] = MASK;
						continue;
					}
					out[safeKey] = undefined;
					pending.push([item, depth + 1, out, safeKey]);
				}
				for (let i = pending.length - 1; i >= 0; i--) stack.push(pending[i]);
			}
		}
		return root[0] as T;
	}
}

/** The values of secret-named fields anywhere in `answer` (iteratively, bounded like maskDeep). */
export function secretFieldValues(answer: unknown): string[] {
	const found: string[] = [];
	const stack: Array<[unknown, number]> = [[answer, 0]];
	while (stack.length > 0) {
		const [entry, depth] = stack.pop() as [unknown, number];
		if (entry === null || typeof entry !== 'object' || depth >= MAX_ANSWER_DEPTH) continue;
		if (Array.isArray(entry)) {
			for (const item of entry) if (item !== null && typeof item === 'object') stack.push([item, depth + 1]);
			continue;
		}
		// Keys, not entries: no pair built for each field of every answer.
		for (const key of Object.keys(entry)) {
			const item = (entry as IDataObject)[key];
			if (typeof item === 'string' || typeof item === 'number') {
				if (isSecretField(key)) found.push(String(item));
			} else if (item !== null && typeof item === 'object') {
				stack.push([item, depth + 1]);
			}
		}
	}
	return found;
}
