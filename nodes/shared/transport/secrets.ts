import type { IDataObject } from 'n8n-workflow';

/** Longest provider text copied into an error message or description. */
export const MAX_PROVIDER_TEXT = 300;

const MASK = '****';

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
 * (`key:` for Close's empty password). One masker serves a whole node run; write-only fields of a
 * request (a trunk password) are added for that request.
 */
export class SecretMasker {
	/** Longest first, so a form that contains another is masked whole. */
	private readonly forms: string[];

	constructor(secrets: Array<string | undefined>, basicAuth?: { user: string; password: string }, inherited: string[] = []) {
		const forms = new Set<string>(inherited);
		for (const secret of secrets) {
			// Very short values would mask ordinary words; no real key or token is that short.
			if (!secret || secret.length < 4) continue;
			forms.add(secret);
			forms.add(encodeURIComponent(secret));
			forms.add(JSON.stringify(secret).slice(1, -1));
			forms.add(base64(secret));
		}
		if (basicAuth?.user || basicAuth?.password) {
			const blob = base64(`${basicAuth.user}:${basicAuth.password}`);
			forms.add(blob);
			forms.add(blob.replace(/=+$/, ''));
		}
		this.forms = [...forms].filter((form) => form.length >= 4).sort((a, b) => b.length - a.length);
	}

	/** A masker that also hides `extra` (write-only values of one request). */
	with(extra: Array<string | undefined>): SecretMasker {
		return extra.some(Boolean) ? new SecretMasker(extra, undefined, this.forms) : this;
	}

	mask(text: string): string {
		let masked = text;
		for (const form of this.forms) {
			if (masked.includes(form)) masked = masked.split(form).join(MASK);
		}
		return masked;
	}

	/** Masks, then cuts to `max` characters: never the other way round, or a cut secret shows. */
	bounded(text: string, max = MAX_PROVIDER_TEXT): string {
		const masked = this.mask(text);
		return masked.length > max ? `${masked.slice(0, max - 1)}…` : masked;
	}

	/** Every string in an answer, masked (a provider may echo a key in any field). */
	maskDeep<T>(value: T): T {
		if (this.forms.length === 0) return value;
		if (typeof value === 'string') return this.mask(value) as T;
		if (Array.isArray(value)) return value.map((entry) => this.maskDeep(entry)) as T;
		if (value && typeof value === 'object') {
			const out: IDataObject = {};
			for (const [key, entry] of Object.entries(value as IDataObject)) out[key] = this.maskDeep(entry);
			return out as T;
		}
		return value;
	}
}
